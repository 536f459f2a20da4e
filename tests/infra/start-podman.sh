#!/usr/bin/env bash
# Start a private Podman API service (`podman system service`, the Docker-compatible socket) in DIR and
# wait until it answers.
#
#   start-podman.sh DIR
#
# DIR holds everything: storage root, run root, tmp dir, containers.conf, storage.conf, the socket, the pid
# file and the log. Storage is vfs, cgroups are managed by cgroupfs and the runtime is runc (crun refuses
# hybrid cgroup hierarchies); containers use the host network only (no CNI/netavark network is created).
# Prints the API address (unix://DIR/podman.sock). Stop with stop-podman.sh DIR (by the recorded PID).
# Every podman command on this store needs the environment printed by `podman-env.sh DIR`.
set -euo pipefail

dir=${1:?usage: start-podman.sh DIR}
timeout=${KOLLA_TEST_PODMAN_TIMEOUT:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

missing=()
for tool in podman runc conmon; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "start-podman.sh: ${missing[*]} not found; install with: apt-get install -y podman runc" >&2
    exit 3
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sock="$dir/podman.sock"
host="unix://$sock"
# Podman refuses a run root longer than 50 characters: a deep DIR (a namespace host's) gets a short one under /tmp,
# DIR/runroot linking to it; stop-podman.sh removes it.
if [[ -L "$dir/runroot" ]]; then
    runroot=$(readlink "$dir/runroot")
elif ((${#dir} + 8 > 50)); then
    runroot=$(mktemp -d /tmp/kpr.XXXXXX)
    ln -s "$runroot" "$dir/runroot"
else
    runroot="$dir/runroot"
fi
mkdir -p "$dir/root" "$runroot" "$dir/tmp"

cat >"$dir/storage.conf" <<TOML
[storage]
driver = "vfs"
graphroot = "$dir/root"
runroot = "$runroot"
TOML
# As root podman raises a container's nofile and nproc to the maximum, which fails (EPERM) where this process lacks
# CAP_SYS_RESOURCE (as in unprivileged CI containers); the rig's defaults stay within our own hard limits (runc
# was seen to refuse even nproc at the hard limit there, so nproc is a modest fixed number).
nofile=$(ulimit -Hn)
nproc=4096
cat >"$dir/containers.conf" <<TOML
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
netns = "host"
cgroupns = "host"
log_driver = "k8s-file"
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
tmp_dir = "$dir/tmp"
volume_path = "$dir/root/volumes"
static_dir = "$dir/root/libpod"
[network]
network_config_dir = "$dir/networks"
TOML

# shellcheck source=podman-env.sh
source "$here/podman-env.sh" "$dir"

if [[ -f "$dir/podman.pid" ]] && kill -0 "$(cat "$dir/podman.pid")" 2>/dev/null &&
    podman --url "$host" version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    echo "$host"
    exit 0
fi

setsid podman --root "$dir/root" --runroot "$runroot" --tmpdir "$dir/tmp" \
    system service --time=0 "$host" </dev/null >"$dir/podman.log" 2>&1 &
pid=$!
echo "$pid" >"$dir/podman.pid"

deadline=$((SECONDS + timeout))
until [[ -S "$sock" ]] && podman --url "$host" version --format '{{.Server.Version}}' >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-podman.sh: podman system service exited (log in $dir/podman.log)" >&2
        tail -n 15 "$dir/podman.log" >&2 || true
        exit 4
    fi
    ((SECONDS < deadline)) || { echo "start-podman.sh: no answer on $host within ${timeout}s" >&2; exit 4; }
    sleep 0.2
done
echo "$host"
