#!/usr/bin/env bash
# Clean up rig runs whose owner died without cleaning up (killed test host, interrupted script).
#
#   sweep-stale.sh ROOT
#
# A run is a directory ROOT/NAME holding owner.pid; it is stale when that PID is no longer alive.
# Runs without owner.pid, and runs whose owner lives, are left alone.
set -uo pipefail

root=${1:?usage: sweep-stale.sh ROOT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -d "$root" ]] || exit 0

for owner in "$root"/*/owner.pid; do
    [[ -f "$owner" ]] || continue
    pid=$(tr -dc '0-9' 2>/dev/null <"$owner") || continue
    # An empty file is a run being set up right now, not a dead one.
    if [[ -z "$pid" ]] || kill -0 "$pid" 2>/dev/null; then
        continue
    fi
    run=$(dirname "$owner")
    echo "sweep-stale.sh: cleaning up $run (owner $pid is gone)" >&2
    bash "$here/cleanup.sh" "$run" --purge
done
exit 0
