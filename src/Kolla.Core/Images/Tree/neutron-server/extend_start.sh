#!/bin/bash
# neutron-server hooks, sourced by kolla_start; neutron-db-manage runs as the neutron user.
#   KOLLA_BOOTSTRAP, NEUTRON_BOOTSTRAP_SERVICES: database schema to the newest version, exit 0.
#   KOLLA_UPGRADE: rolling upgrade step expand, exit 0; NEUTRON_ROLLING_UPGRADE_SERVICES with it: contract.

neutron_db_manage() {
    local args=(--config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini "$@")
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u neutron -- neutron-db-manage "${args[@]}"
    else
        neutron-db-manage "${args[@]}"
    fi
}

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    neutron_db_manage upgrade head
    exit $?
fi
if [[ "${!KOLLA_UPGRADE[*]}" ]]; then
    if [[ "${!NEUTRON_ROLLING_UPGRADE_SERVICES[*]}" ]]; then
        neutron_db_manage upgrade --contract
    else
        neutron_db_manage upgrade --expand
    fi
    exit $?
fi
