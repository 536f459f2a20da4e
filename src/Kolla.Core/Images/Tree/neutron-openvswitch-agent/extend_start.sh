#!/bin/bash
# neutron-openvswitch-agent hooks, sourced by kolla_start: the log directory neutron writes to.
if [[ ! -d /var/log/kolla/neutron ]]; then
    mkdir -p /var/log/kolla/neutron
fi
if [[ "$(id -u)" == "0" ]]; then
    chown neutron:kolla /var/log/kolla/neutron
fi
