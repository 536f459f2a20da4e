#!/bin/bash
set -o errexit
set -o pipefail

# Copies this member's Fernet keys to every other keystone member through their keystone_ssh.
# --check only compares (rsync dry run).
dry_run=""
if [ "$1" = "--check" ]; then
    dry_run="--dry-run"
fi
/usr/bin/rsync ${dry_run} -az -e 'ssh -i /var/lib/keystone/.ssh/id_rsa -p 8023 -F /var/lib/keystone/.ssh/config' --delete /etc/keystone/fernet-keys/ keystone@10.0.0.11:/etc/keystone/fernet-keys
/usr/bin/rsync ${dry_run} -az -e 'ssh -i /var/lib/keystone/.ssh/id_rsa -p 8023 -F /var/lib/keystone/.ssh/config' --delete /etc/keystone/fernet-keys/ keystone@10.0.0.12:/etc/keystone/fernet-keys
