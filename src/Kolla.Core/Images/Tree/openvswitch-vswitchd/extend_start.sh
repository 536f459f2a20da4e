#!/bin/bash
# ovs-vswitchd hooks, sourced by kolla_start before `ovs_wrapper ovs-vswitchd unix:/run/openvswitch/db.sock ...`:
# the run and log directories, and the kernel datapath module when the host has it. Without it the
# switch still starts: bridges with datapath_type netdev run in userspace, bridges of the kernel
# datapath fail (ovs-vswitchd logs why).
mkdir -p /run/openvswitch /var/log/kolla/openvswitch
if [[ ! -d /sys/module/openvswitch ]]; then
    if ! modprobe openvswitch 2>/dev/null; then
        echo "The kernel datapath (module openvswitch) is not available: only the userspace datapath (netdev) works"
    fi
fi
