#!/usr/bin/env bash
# Stop and remove everything the rig started under DIR: Docker and Podman engines (stop-dockerd.sh,
# stop-podman.sh), every other
# process named by a *.pid file (only if its command line names DIR), the network namespaces and links
# listed in netns.list / links.list files, and mounts below DIR.
#
#   cleanup.sh DIR [--purge]
#
# --purge also deletes DIR. Safe to run twice, and on a half-started run.
set -uo pipefail

dir=${1:?usage: cleanup.sh DIR [--purge]}
purge=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -d "$dir" ]] || exit 0
dir=$(cd "$dir" && pwd)

# Engines first (their containers may hold sessions or namespaces), in parallel.
pids=()
while IFS= read -r toml; do
    bash "$here/stop-dockerd.sh" "$(dirname "$toml")" &
    pids+=($!)
done < <(find "$dir" -name containerd.toml -type f 2>/dev/null)
while IFS= read -r conf; do
    bash "$here/stop-podman.sh" "$(dirname "$conf")" &
    pids+=($!)
done < <(find "$dir" -name containers.conf -type f 2>/dev/null)
for pid in "${pids[@]}"; do
    wait "$pid" || true
done

mapfile -t pidfiles < <(find "$dir" -name '*.pid' ! -name owner.pid -type f 2>/dev/null)
if ((${#pidfiles[@]})); then
    bash "$here/stop-pid.sh" --grace 10 --expect "$dir/" "${pidfiles[@]}"
fi

while IFS= read -r list; do
    while IFS= read -r ns; do
        [[ "$ns" =~ ^kt-[a-z0-9]+-h[0-9]+$ ]] || continue
        if [[ -e "/run/netns/$ns" ]]; then
            # Sessions still running inside would keep the namespace alive after deletion; ask
            # the kernel which processes are in it and stop those that are ours.
            for pid in $(ip netns pids "$ns" 2>/dev/null); do
                bash "$here/stop-pid.sh" --grace 5 --expect "$dir/" "$pid"
            done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done <"$list"
done < <(find "$dir" -name netns.list -type f 2>/dev/null)

while IFS= read -r list; do
    while IFS= read -r link; do
        [[ "$link" =~ ^kt[a-z0-9]+(br|h[0-9]+)$ ]] || continue
        ip link del "$link" 2>/dev/null || true
    done <"$list"
done < <(find "$dir" -name links.list -type f 2>/dev/null)

bash "$here/unmount-under.sh" "$dir"
if [[ "$purge" == "--purge" ]]; then
    rm -rf "$dir"
fi
exit 0
