#!/bin/bash
# Placement hooks, sourced by kolla_start; placement-manage runs as the placement user.
#   KOLLA_BOOTSTRAP, KOLLA_UPGRADE: database schema to the newest version, exit 0.
#   KOLLA_OSM: online data migrations, exit 0.

placement_manage() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u placement -- placement-manage "$@"
    else
        placement-manage "$@"
    fi
}

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]] || [[ "${!KOLLA_UPGRADE[*]}" ]]; then
    placement_manage db sync
    exit $?
fi
if [[ "${!KOLLA_OSM[*]}" ]]; then
    placement_manage db online_data_migrations
    exit $?
fi
