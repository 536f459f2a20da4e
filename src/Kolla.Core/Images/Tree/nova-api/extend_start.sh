#!/bin/bash
# nova-api hooks, sourced by kolla_start; nova-manage runs as the nova user. The API-level
# nova.conf points [database] at cell0, so `db sync` here migrates cell0.
#   KOLLA_BOOTSTRAP: API and cell0 schemas, online data migrations, exit 0.
#   KOLLA_UPGRADE: API and cell0 schemas, exit 0.
#   KOLLA_OSM: online data migrations, exit 0.

nova_manage() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u nova -- nova-manage "$@"
    else
        nova-manage "$@"
    fi
}

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    nova_manage api_db sync && nova_manage db sync && nova_manage db online_data_migrations
    exit $?
fi
if [[ "${!KOLLA_UPGRADE[*]}" ]]; then
    nova_manage api_db sync && nova_manage db sync
    exit $?
fi
if [[ "${!KOLLA_OSM[*]}" ]]; then
    nova_manage db online_data_migrations
    exit $?
fi
