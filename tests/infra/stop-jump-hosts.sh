#!/usr/bin/env bash
# Stop what start-jump-hosts.sh DIR started: both sshds (by PID), the unreachable route, both namespaces; then DIR.
set -uo pipefail

dir=${1:?usage: stop-jump-hosts.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
[[ -f "$dir/state" ]] || exit 0
read -r bastion_ns target_ns net <"$dir/state"
bash "$here/stop-pid.sh" --expect "$dir" "$dir/bastion/sshd.pid" "$dir/target/sshd.pid"
ip route del unreachable "$net.4/30" 2>/dev/null
ip netns del "$target_ns" 2>/dev/null
ip netns del "$bastion_ns" 2>/dev/null
rm -rf "$dir"
