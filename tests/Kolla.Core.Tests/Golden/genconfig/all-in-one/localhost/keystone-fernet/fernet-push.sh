#!/bin/bash
set -o errexit
set -o pipefail

# Copies this member's Fernet keys to every other keystone member through their keystone_ssh.
# --check only compares (rsync dry run).
dry_run=""
if [ "$1" = "--check" ]; then
    dry_run="--dry-run"
fi
echo "Single keystone member: nothing to distribute."
