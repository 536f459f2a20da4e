#!/usr/bin/env bash
# Stop a private Docker engine started by start-dockerd.sh DIR, by the PIDs it recorded, then unmount
# what it left mounted under DIR (dockerd bind-mounts its data root onto itself).
#
#   stop-dockerd.sh DIR [--purge]
#
# --purge also deletes DIR.
set -uo pipefail

dir=${1:?usage: stop-dockerd.sh DIR [--purge]}
purge=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -d "$dir" ]] || exit 0
dir=$(cd "$dir" && pwd)

# The engine is private, so every container on it is ours: kill them first, or dockerd's shutdown
# waits out each container's stop timeout.
if [[ -S "$dir/docker.sock" ]]; then
    ids=$(timeout 10 docker -H "unix://$dir/docker.sock" ps -q 2>/dev/null || true)
    if [[ -n "$ids" ]]; then
        # shellcheck disable=SC2086
        timeout 20 docker -H "unix://$dir/docker.sock" kill $ids >/dev/null 2>&1 || true
    fi
fi
bash "$here/stop-pid.sh" --grace 15 --expect "$dir/" "$dir/dockerd.launch.pid" "$dir/dockerd.pid"
bash "$here/stop-pid.sh" --grace 10 --expect "$dir/" "$dir/containerd.pid"
# Container shims outlive a killed containerd; ours name this engine's containerd socket.
for proc in /proc/[0-9]*; do
    cmdline=$(tr '\0' ' ' 2>/dev/null <"$proc/cmdline") || continue
    if [[ "$cmdline" == *containerd-shim*"-address $dir/containerd.sock"* ]]; then
        bash "$here/stop-pid.sh" --grace 5 --expect "$dir/" "${proc#/proc/}"
    fi
done

bash "$here/unmount-under.sh" "$dir"
if [[ "$purge" == "--purge" ]]; then
    rm -rf "$dir"
fi
exit 0
