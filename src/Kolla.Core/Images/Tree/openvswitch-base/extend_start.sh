#!/bin/bash
# Open vSwitch hooks, sourced by kolla_start (the images below replace this file and source it):
# the run directory the daemons share through the host's /run/openvswitch, and the log directory.
mkdir -p /run/openvswitch /var/log/kolla/openvswitch
