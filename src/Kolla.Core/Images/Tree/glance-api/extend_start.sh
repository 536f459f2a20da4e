#!/bin/bash
# Glance hooks, sourced by kolla_start; glance-manage runs as the glance user.
#   KOLLA_BOOTSTRAP: database schema to the newest version (db_sync), exit 0.
#   KOLLA_UPGRADE: rolling upgrade steps expand and migrate, exit 0.
#   KOLLA_FINISH_UPGRADE: rolling upgrade step contract, exit 0.

glance_manage() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u glance -- glance-manage --config-file /etc/glance/glance-api.conf "$@"
    else
        glance-manage --config-file /etc/glance/glance-api.conf "$@"
    fi
}

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    glance_manage db_sync
    exit $?
fi
if [[ "${!KOLLA_UPGRADE[*]}" ]]; then
    glance_manage db expand && glance_manage db migrate
    exit $?
fi
if [[ "${!KOLLA_FINISH_UPGRADE[*]}" ]]; then
    glance_manage db contract
    exit $?
fi
