#!/usr/bin/env bash
# Two hosts for ProxyJump tests: a bastion reachable from this machine, and a target reachable only from the bastion.
#
#   start-jump-hosts.sh DIR
#
# The bastion is network namespace kt-jump-ID-b, linked to this (root) namespace by a veth pair on a free
# 10.253.N.0/30 (bastion .2). The target is namespace kt-jump-ID-t, linked to the bastion only, on 10.253.N.4/30
# (target .6). The bastion does not forward, and this namespace gets an "unreachable" route for the target's /30,
# so a direct connection fails at once. Each runs a private sshd on port 22 (start-sshd.sh) that accepts
# DIR/client_key. Writes DIR/client_key(.pub), DIR/known_hosts (both host keys), DIR/state (for stop-jump-hosts.sh).
# Prints "BASTION_ADDRESS TARGET_ADDRESS". Stop with stop-jump-hosts.sh DIR.
set -euo pipefail

dir=${1:?usage: start-jump-hosts.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
for tool in ip ssh-keygen /usr/sbin/sshd; do
    command -v "$tool" >/dev/null 2>&1 || { echo "start-jump-hosts.sh: $tool not found (packages iproute2, openssh-server)" >&2; exit 3; }
done

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
id=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
bastion_ns=kt-jump-$id-b
target_ns=kt-jump-$id-t
link=kj${id}b

octet=
for _ in $(seq 1 50); do
    candidate=$((RANDOM % 250 + 1))
    if ! ip -4 addr show | grep -q "inet 10\.253\.$candidate\." && ! ip route show | grep -q "10\.253\.$candidate\."; then
        octet=$candidate
        break
    fi
done
[[ -n "$octet" ]] || { echo "start-jump-hosts.sh: no free 10.253.N.0/29" >&2; exit 4; }
net=10.253.$octet

# Written first, so stop-jump-hosts.sh can undo a half-finished start.
echo "$bastion_ns $target_ns $net" >"$dir/state"
ip netns add "$bastion_ns"
ip netns add "$target_ns"
ip link add "$link" type veth peer name eth0 netns "$bastion_ns"
ip addr add "$net.1/30" dev "$link"
ip link set "$link" up
ip -n "$bastion_ns" link set lo up
ip -n "$bastion_ns" addr add "$net.2/30" dev eth0
ip -n "$bastion_ns" link set eth0 up
ip -n "$bastion_ns" link add eth1 type veth peer name eth0 netns "$target_ns"
ip -n "$bastion_ns" addr add "$net.5/30" dev eth1
ip -n "$bastion_ns" link set eth1 up
ip -n "$target_ns" link set lo up
ip -n "$target_ns" addr add "$net.6/30" dev eth0
ip -n "$target_ns" link set eth0 up
ip route add unreachable "$net.4/30"

[[ -f "$dir/client_key" ]] || ssh-keygen -q -t ed25519 -N '' -C "kolla-test-jump-client" -f "$dir/client_key"
export KT_SSHD_AUTHORIZED_KEYS=$dir/client_key.pub
bash "$here/start-sshd.sh" "$dir/bastion" "$net.2" 22 "$bastion_ns" >/dev/null
# The whole script runs in the target namespace: its readiness check must reach the target from there.
ip netns exec "$target_ns" bash "$here/start-sshd.sh" "$dir/target" "$net.6" 22 >/dev/null
cat "$dir/bastion/known_hosts" "$dir/target/known_hosts" >"$dir/known_hosts"
echo "$net.2 $net.6"
