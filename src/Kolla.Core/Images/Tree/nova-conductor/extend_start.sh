#!/bin/bash
# nova-conductor hooks, sourced by kolla_start; nova-manage runs as the nova user.
#   KOLLA_BOOTSTRAP: the cell's schema, online data migrations, exit 0.
#   KOLLA_UPGRADE: the cell's schema, exit 0.
#   KOLLA_OSM: online data migrations, exit 0.

nova_manage() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u nova -- nova-manage "$@"
    else
        nova-manage "$@"
    fi
}

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    nova_manage db sync --local_cell && nova_manage db online_data_migrations
    exit $?
fi
if [[ "${!KOLLA_UPGRADE[*]}" ]]; then
    nova_manage db sync --local_cell
    exit $?
fi
if [[ "${!KOLLA_OSM[*]}" ]]; then
    nova_manage db online_data_migrations
    exit $?
fi
