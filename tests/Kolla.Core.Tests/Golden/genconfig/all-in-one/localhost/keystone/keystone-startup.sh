#!/bin/bash
set -o errexit
set -o pipefail

# Tokens cannot be issued before the Fernet key repository holds its staged key (0); on members
# other than the first it arrives from keystone_fernet over SSH.
keys=/etc/keystone/fernet-keys
for attempt in $(seq 1 36); do
    if [ -f "${keys}/0" ]; then
        exec uwsgi /etc/keystone/keystone-api-uwsgi.ini
    fi
    echo "Fernet keys not present yet in ${keys}, waiting (${attempt}/36)"
    sleep 5
done
echo "No Fernet keys after 3 minutes, giving up"
exit 1
