#!/bin/bash
# ovsdb-server hooks, sourced by kolla_start before `ovs_wrapper ovsdb-server /var/lib/openvswitch/conf.db ...`:
# the run and log directories; on the first start an empty Open_vSwitch database from the package's
# schema; after an image upgrade the existing database converted to the new schema.
mkdir -p /run/openvswitch /var/log/kolla/openvswitch
ovs_db=/var/lib/openvswitch/conf.db
ovs_schema=/usr/share/openvswitch/vswitch.ovsschema
if [[ ! -e "${ovs_db}" ]]; then
    echo "Creating ${ovs_db} from ${ovs_schema}"
    ovsdb-tool create "${ovs_db}" "${ovs_schema}"
elif [[ "$(ovsdb-tool needs-conversion "${ovs_db}" "${ovs_schema}")" == "yes" ]]; then
    echo "Converting ${ovs_db} to the schema of ${ovs_schema}"
    ovsdb-tool convert "${ovs_db}" "${ovs_schema}"
fi
