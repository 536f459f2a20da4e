#!/usr/bin/env bash
# Create COUNT extra "hosts" as network namespaces, each with its own sshd (and optionally its own
# private Docker engine or Podman API service), joined by a private bridge.
#
#   start-netns-hosts.sh DIR RUNID COUNT [--docker|--podman]
#
# Layout (RUNID: 1-6 lowercase letters/digits, N = 1..COUNT):
#   namespace  kt-RUNID-hN
#   bridge     ktRUNIDbr in the root namespace, holding 10.231.X.1/24 (X: the first /24 of 10.231/16
#              that no interface of the root namespace uses yet; chosen under a lock)
#   veth pair  ktRUNIDhN (root side, enslaved to the bridge) <-> eth0 inside kt-RUNID-hN
#   address    10.231.X.(10+N)/24 on eth0; lo is up; no default route, so traffic stays between
#              the root namespace and these hosts (no forwarding, no NAT)
#   sshd       on 10.231.X.(10+N):22 inside the namespace, its own ed25519 host key; every host
#              accepts DIR/client_key
#   dockerd    with --docker: DIR/hN/docker (start-dockerd.sh inside the namespace), the busybox test
#              image loaded, and sessions see DOCKER_HOST=unix://DIR/hN/docker/docker.sock
#   podman     with --podman: DIR/hN/podman (start-podman.sh inside the namespace: its own storage, run
#              root and containers.conf; containers share the namespace's network), the busybox test
#              image built; no Docker engine, and sessions get no DOCKER_HOST (the API socket is
#              unix://DIR/hN/podman/podman.sock, the hosts.tsv "docker host" column)
# Writes DIR/hosts.tsv (name, namespace, address, docker host or "-", host public key) and
# DIR/known_hosts; records what it creates in DIR/netns.list and DIR/links.list for cleanup.sh DIR.
set -euo pipefail

dir=${1:?usage: start-netns-hosts.sh DIR RUNID COUNT [--docker|--podman]}
runid=${2:?usage: start-netns-hosts.sh DIR RUNID COUNT [--docker|--podman]}
count=${3:?usage: start-netns-hosts.sh DIR RUNID COUNT [--docker|--podman]}
with_docker=false
with_podman=false
[[ "${4:-}" == "--docker" ]] && with_docker=true
[[ "${4:-}" == "--podman" ]] && with_podman=true
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

[[ "$runid" =~ ^[a-z0-9]{1,6}$ ]] || { echo "start-netns-hosts.sh: RUNID must be 1-6 of [a-z0-9]" >&2; exit 2; }
if ! [[ "$count" =~ ^[0-9]+$ ]] || ((count < 1 || count > 200)); then
    echo "start-netns-hosts.sh: COUNT must be 1..200" >&2
    exit 2
fi
if ! command -v ip >/dev/null 2>&1; then
    echo "start-netns-hosts.sh: ip not found; install with: apt-get install -y iproute2" >&2
    exit 3
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
bridge="kt${runid}br"
touch "$dir/netns.list" "$dir/links.list"

# Pick a free /24 and claim it (the bridge address) under a lock shared by every run on this machine.
lockdir=${TMPDIR:-/tmp}/kolla-test
mkdir -p "$lockdir"
exec 9>"$lockdir/.subnet.lock"
flock -w 60 9
used=$(ip -4 -o addr show | awk '{ print $4 }')
subnet=
start=$(( $(printf '%s' "$runid" | cksum | cut -d' ' -f1) % 250 ))
for i in $(seq 0 249); do
    x=$(( (start + i) % 250 + 1 ))
    if ! grep -q "^10\.231\.$x\." <<<"$used"; then
        subnet="10.231.$x"
        break
    fi
done
[[ -n "$subnet" ]] || { echo "start-netns-hosts.sh: no free /24 in 10.231.0.0/16" >&2; exit 4; }
echo "$bridge" >>"$dir/links.list"
ip link add "$bridge" type bridge
ip addr add "$subnet.1/24" dev "$bridge"
ip link set "$bridge" up
flock -u 9
exec 9>&-
echo "$subnet.0/24" >"$dir/subnet"

for n in $(seq 1 "$count"); do
    ns="kt-$runid-h$n"
    veth="kt${runid}h$n"
    peer="kt${runid}p$n"
    echo "$ns" >>"$dir/netns.list"
    echo "$veth" >>"$dir/links.list"
    ip netns add "$ns"
    ip link add "$veth" type veth peer name "$peer"
    ip link set "$veth" master "$bridge" up
    ip link set "$peer" netns "$ns"
    ip -n "$ns" link set "$peer" name eth0
    ip -n "$ns" addr add "$subnet.$((10 + n))/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
done

[[ -f "$dir/client_key" ]] || ssh-keygen -q -t ed25519 -N '' -C "kolla-test-client" -f "$dir/client_key"

if $with_docker; then
    # Engines start in parallel; the image is built once and copied to the others.
    pids=()
    for n in $(seq 1 "$count"); do
        bash "$here/start-dockerd.sh" "$dir/h$n/docker" "kt-$runid-h$n" >/dev/null &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || { echo "start-netns-hosts.sh: a namespace engine did not start" >&2; exit 4; }
    done
    bash "$here/build-test-image.sh" "unix://$dir/h1/docker/docker.sock"
    if ((count > 1)); then
        mapfile -t tags < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/test-image.tags")
        docker -H "unix://$dir/h1/docker/docker.sock" save "${tags[@]}" >"$dir/test-image.tar"
        pids=()
        for n in $(seq 2 "$count"); do
            docker -H "unix://$dir/h$n/docker/docker.sock" load --quiet -i "$dir/test-image.tar" >/dev/null &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do
            wait "$pid" || { echo "start-netns-hosts.sh: loading the test image failed" >&2; exit 4; }
        done
        rm -f "$dir/test-image.tar"
    fi
fi

if $with_podman; then
    for n in $(seq 1 "$count"); do
        # nsenter --net only (not ip netns exec, which remounts /sys): runc needs the host's cgroup mounts.
        nsenter "--net=/run/netns/kt-$runid-h$n" -- bash "$here/start-podman.sh" "$dir/h$n/podman" >/dev/null ||
            { echo "start-netns-hosts.sh: a namespace Podman service did not start" >&2; exit 4; }
        bash "$here/build-test-image.sh" "unix://$dir/h$n/podman/podman.sock" >/dev/null
    done
fi

: >"$dir/hosts.tsv"
: >"$dir/known_hosts"
for n in $(seq 1 "$count"); do
    ns="kt-$runid-h$n"
    address="$subnet.$((10 + n))"
    docker_host=-
    if $with_docker; then
        docker_host="unix://$dir/h$n/docker/docker.sock"
        export KT_SSHD_DOCKER_HOST=$docker_host
    elif $with_podman; then
        docker_host="unix://$dir/h$n/podman/podman.sock"
        unset KT_SSHD_DOCKER_HOST
    else
        unset KT_SSHD_DOCKER_HOST
    fi
    KT_SSHD_AUTHORIZED_KEYS="$dir/client_key.pub" bash "$here/start-sshd.sh" "$dir/h$n/ssh" "$address" 22 "$ns" >/dev/null
    cat "$dir/h$n/ssh/known_hosts" >>"$dir/known_hosts"
    printf 'h%s\t%s\t%s\t%s\t%s\n' "$n" "$ns" "$address" "$docker_host" \
        "$(cut -d' ' -f1,2 "$dir/h$n/ssh/host_key.pub")" >>"$dir/hosts.tsv"
done
cat "$dir/hosts.tsv"
