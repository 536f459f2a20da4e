#!/bin/bash
# Keystone hooks, sourced by kolla_start; keystone-manage runs as the keystone user.
#   KOLLA_BOOTSTRAP: database schema to the newest version (db_sync), exit 0.
#   KOLLA_UPGRADE: rolling upgrade steps expand and migrate, exit 0.
#   KOLLA_FINISH_UPGRADE: rolling upgrade step contract, exit 0.

keystone_manage() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u keystone -- keystone-manage --config-file /etc/keystone/keystone.conf "$@"
    else
        keystone-manage --config-file /etc/keystone/keystone.conf "$@"
    fi
}

log_file=/var/log/kolla/keystone/keystone.log
if [[ ! -f "${log_file}" ]]; then
    touch "${log_file}"
    chown keystone:kolla "${log_file}" 2>/dev/null || true
    chmod 0664 "${log_file}"
fi

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    keystone_manage db_sync
    exit $?
fi
if [[ "${!KOLLA_UPGRADE[*]}" ]]; then
    keystone_manage db_sync --expand && keystone_manage db_sync --migrate
    exit $?
fi
if [[ "${!KOLLA_FINISH_UPGRADE[*]}" ]]; then
    keystone_manage db_sync --contract
    exit $?
fi
