#!/bin/bash
set -o errexit
set -o pipefail

# --check: succeed only when the staged key exists and belongs to keystone.
# Otherwise wait up to ten minutes for the keys to arrive.
key=/etc/keystone/fernet-keys/0
if [ "$1" = "--check" ]; then
    [ -f "${key}" ] && [ "$(stat -c %U:%G "${key}")" = "keystone:keystone" ]
    exit $?
fi

for attempt in $(seq 1 10); do
    if [ -f "${key}" ]; then
        exit 0
    fi
    echo "Fernet keys not present yet, waiting (${attempt}/10)"
    sleep 60
done
exit 1
