#!/usr/bin/env bash
# Start a private Docker engine (its own containerd + dockerd) in DIR and wait until it answers.
#
#   start-dockerd.sh DIR [NETNS]
#
# DIR holds everything: data root, exec root, sockets, pid files and logs. With NETNS the engine runs
# inside that network namespace (nsenter --net only: the mount namespace stays the host's, so cgroups
# and the data root look the same as outside; containers with --net host see the namespace's network).
# Nothing listens on TCP; no bridge, no iptables rules, no ip_forward change.
# Prints the engine address (unix://DIR/docker.sock). Stop with stop-dockerd.sh DIR (by recorded PIDs).
set -euo pipefail

dir=${1:?usage: start-dockerd.sh DIR [NETNS]}
netns=${2:-}
timeout=${KOLLA_TEST_DOCKERD_TIMEOUT:-60}

missing=()
for tool in dockerd containerd runc docker; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "start-dockerd.sh: ${missing[*]} not found; install with: apt-get install -y docker.io" >&2
    exit 3
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sock="$dir/docker.sock"
csock="$dir/containerd.sock"
host="unix://$sock"

run_in=()
if [[ -n "$netns" ]]; then
    [[ -e "/run/netns/$netns" ]] || { echo "start-dockerd.sh: no network namespace $netns" >&2; exit 2; }
    run_in=(nsenter "--net=/run/netns/$netns" --)
fi

# Started by an earlier call and still answering? Then just report it.
if [[ -f "$dir/dockerd.launch.pid" ]] && kill -0 "$(cat "$dir/dockerd.launch.pid")" 2>/dev/null &&
    docker -H "$host" version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    echo "$host"
    exit 0
fi

mkdir -p "$dir/containerd/root" "$dir/containerd/state" "$dir/data" "$dir/exec"
# Our own containerd, never the system one: left to itself dockerd attaches to
# /run/containerd/containerd.sock when that exists (shared with the system engine, and in the root
# network namespace).
cat >"$dir/containerd.toml" <<TOML
version = 2
root = "$dir/containerd/root"
state = "$dir/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs"]
[grpc]
  address = "$csock"
[ttrpc]
  address = "$csock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
TOML

fail() {
    echo "start-dockerd.sh: $1 (logs in $dir)" >&2
    tail -n 15 "$dir/containerd.log" "$dir/dockerd.log" >&2 2>/dev/null || true
    exit 4
}

setsid "${run_in[@]}" containerd --config "$dir/containerd.toml" </dev/null >"$dir/containerd.log" 2>&1 &
cpid=$!
echo "$cpid" >"$dir/containerd.pid"

deadline=$((SECONDS + timeout))
until [[ -S "$csock" ]]; do
    kill -0 "$cpid" 2>/dev/null || fail "containerd exited"
    ((SECONDS < deadline)) || fail "containerd did not create $csock within ${timeout}s"
    sleep 0.1
done

setsid "${run_in[@]}" dockerd \
    --host "$host" \
    --containerd "$csock" \
    --data-root "$dir/data" \
    --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" \
    --storage-driver vfs \
    --bridge none \
    --iptables=false \
    --ip6tables=false \
    --ip-forward=false \
    --ip-masq=false \
    --userland-proxy=false \
    --shutdown-timeout 3 \
    --log-level warn \
    </dev/null >"$dir/dockerd.log" 2>&1 &
dpid=$!
# dockerd refuses to start when its --pidfile names a live process, so our copy of the PID lives apart.
echo "$dpid" >"$dir/dockerd.launch.pid"

until docker -H "$host" version --format '{{.Server.Version}}' >/dev/null 2>&1; do
    kill -0 "$dpid" 2>/dev/null || fail "dockerd exited"
    ((SECONDS < deadline)) || fail "dockerd did not answer on $host within ${timeout}s"
    sleep 0.2
done
echo "$host"
