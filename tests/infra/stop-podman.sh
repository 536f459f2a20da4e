#!/usr/bin/env bash
# Stop a private Podman API service started by start-podman.sh DIR: remove its containers (they are all the
# rig's), stop the service by its recorded PID, then unmount what is left mounted under DIR.
#
#   stop-podman.sh DIR [--purge]
#
# --purge also deletes DIR.
set -uo pipefail

dir=${1:?usage: stop-podman.sh DIR [--purge]}
purge=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -d "$dir" ]] || exit 0
dir=$(cd "$dir" && pwd)

runroot="$dir/runroot"
[[ -L "$runroot" ]] && runroot=$(readlink "$runroot")
if [[ -f "$dir/containers.conf" ]] && command -v podman >/dev/null 2>&1; then
    # shellcheck source=podman-env.sh
    source "$here/podman-env.sh" "$dir"
    timeout 60 podman --root "$dir/root" --runroot "$runroot" --tmpdir "$dir/tmp" rm -af -t 1 >/dev/null 2>&1 || true
fi
bash "$here/stop-pid.sh" --grace 10 --expect "$dir/" "$dir/podman.pid"
bash "$here/unmount-under.sh" "$dir"
if [[ "$runroot" != "$dir/runroot" ]]; then
    # The short run root start-podman.sh made under /tmp for a deep DIR: runtime state only.
    bash "$here/unmount-under.sh" "$runroot"
    rm -rf "$runroot"
    rm -f "$dir/runroot"
fi
if [[ "$purge" == "--purge" ]]; then
    rm -rf "$dir"
fi
exit 0
