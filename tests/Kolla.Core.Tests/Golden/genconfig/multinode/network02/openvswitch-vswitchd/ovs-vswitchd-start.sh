#!/bin/bash
set -o errexit
set -o pipefail

# Settle the host's identity and the external bridge in the database (served by openvswitch_db)
# before the switch daemon reads it; --no-wait does not need ovs-vswitchd to be running.
ovs-vsctl --no-wait set Open_vSwitch . external_ids:system-id=network02 external_ids:hostname=network02
ovs-vsctl --no-wait remove Open_vSwitch . other_config hw-offload
ovs-vsctl --no-wait --may-exist add-br br-ex -- set Bridge br-ex fail-mode=standalone
ovs-vsctl --no-wait --may-exist add-port br-ex eth1

exec ovs_wrapper ovs-vswitchd unix:/run/openvswitch/db.sock -vconsole:emer -vsyslog:err -vfile:info --mlockall --log-file=/var/log/kolla/openvswitch/ovs-vswitchd.log --pidfile
