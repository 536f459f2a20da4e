#!/bin/bash
set -o errexit
set -o pipefail

# One rotation per interval across the cluster: time is cut into slots of the rotation interval
# and member N (of M) rotates in the slots whose number modulo M is N, once per slot.
interval=259200
members=1
member=0
state=/var/lib/keystone/fernet-rotated-slot

slot=$(( $(date +%s) / interval ))
if [ $(( slot % members )) -ne "${member}" ]; then
    exit 0
fi
if [ -f "${state}" ] && [ "$(cat "${state}")" = "${slot}" ]; then
    exit 0
fi

keystone-manage --config-file /etc/keystone/keystone.conf fernet_rotate --keystone-user keystone --keystone-group keystone
echo "${slot}" > "${state}"
/usr/bin/fernet-push.sh
