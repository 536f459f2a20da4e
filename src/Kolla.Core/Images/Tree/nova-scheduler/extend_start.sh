#!/bin/bash
# nova-scheduler hooks, sourced by kolla_start: the log directory nova writes to.
if [[ ! -d /var/log/kolla/nova ]]; then
    mkdir -p /var/log/kolla/nova
fi
if [[ "$(id -u)" == "0" ]]; then
    chown nova:kolla /var/log/kolla/nova
fi
