#!/usr/bin/env bash
# Unmount every mount point at or below DIR, deepest first (lazily, so a busy mount cannot block cleanup).
#
#   unmount-under.sh DIR
set -uo pipefail

dir=${1:?usage: unmount-under.sh DIR}
dir=${dir%/}
# Field 5 of mountinfo is the mount point.
awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo |
    sort -r -u |
    while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done
exit 0
