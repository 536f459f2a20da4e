#!/bin/bash
# keystone-fernet hooks, sourced by kolla_start: the key directory belongs to keystone (the
# shared volume may have been created by another container).
if [[ "$(id -u)" == "0" && -d /etc/keystone/fernet-keys ]]; then
    chown keystone:keystone /etc/keystone/fernet-keys
    chmod 0770 /etc/keystone/fernet-keys
fi
