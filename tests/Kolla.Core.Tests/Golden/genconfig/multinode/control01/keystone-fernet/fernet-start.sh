#!/bin/bash
set -o errexit

# The first member holds the keys made at bootstrap: hand them to the others once their
# keystone_ssh answers.
(
    for attempt in $(seq 1 60); do
        if [ -f /etc/keystone/fernet-keys/0 ] && /usr/bin/fernet-push.sh; then
            exit 0
        fi
        sleep 10
    done
    echo "Could not distribute the Fernet keys to the other keystone members"
) >> /var/log/kolla/keystone/fernet-push.log 2>&1 &

exec cron -f
