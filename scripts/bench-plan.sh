#!/usr/bin/env bash
# Whole-process planning benchmark: time `kolla plan` and `kolla genconfig -o` on a generated multinode inventory and
# report wall time and peak memory (max RSS from /usr/bin/time -v), one line per verb.
#
#   ./scripts/bench-plan.sh [HOSTS ...]        default: 1000 (3 control, 2 network, the rest compute)
#   KOLLA_BENCH_BIN=artifacts/kolla-native/linux-x64/kolla ./scripts/bench-plan.sh 1000 10000
#                                              the native binary (scripts/publish.sh) instead of a Release JIT build
#
# Plans offline (dry-run executor, a generated fact cache: one file per host, as `kolla gather-facts` writes).
# Uses samples/multinode/globals.yml and the fixed golden passwords.yml (no key generation), a Release
# build of the CLI, and a temporary directory (removed on exit). Targets (issue 21): 1,000 hosts `plan` < 1.5 s and
# `genconfig -o` < 3 s, < 300 MB peak; 10,000 hosts < 15 s, < 2 GB.
# user_s is the process's own work (load, plan, serialise); most of sys_s is the kernel creating ~29 files
# per host (ext4 inode allocation), so compare user_s between commits and wall_s on an idle machine.
# Set KOLLA_BENCH_KEEP=1 to keep the generated inventory and output.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
counts=("$@")
if [[ ${#counts[@]} -eq 0 ]]; then counts=(1000); fi
[[ -x /usr/bin/time ]] || { echo "bench-plan.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kolla-bench-plan.XXXXXX")
if [[ "${KOLLA_BENCH_KEEP:-}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; fi

if [[ -n "${KOLLA_BENCH_BIN:-}" ]]; then
    kolla=("$(cd "$(dirname "$KOLLA_BENCH_BIN")" && pwd)/$(basename "$KOLLA_BENCH_BIN")")
else
    dotnet build "$repo/src/Kolla.Cli" -c Release -o "$work/bin" -v quiet -nologo >/dev/null
    kolla=("dotnet" "$work/bin/kolla.dll")
fi

# The sample's group layout, with the three top-level groups generated.
generate() {
    local hosts=$1 compute=$(($1 - 5)) i
    {
        echo "[control]"
        for i in 1 2 3; do printf 'control%02d ansible_host=10.0.0.%d api_interface_address=10.0.0.%d\n' "$i" "$((10 + i))" "$((10 + i))"; done
        echo
        echo "[network]"
        for i in 1 2; do printf 'network%02d ansible_host=10.0.0.%d api_interface_address=10.0.0.%d\n' "$i" "$((20 + i))" "$((20 + i))"; done
        echo
        echo "[compute]"
        for ((i = 1; i <= compute; i++)); do
            printf 'compute%04d ansible_host=10.%d.%d.%d api_interface_address=10.%d.%d.%d\n' \
                "$i" "$((1 + i / 65536))" "$((i / 256 % 256))" "$((i % 256))" "$((1 + i / 65536))" "$((i / 256 % 256))" "$((i % 256))"
        done
        echo
        # Everything after the sample's [compute] hosts: the group tree.
        sed -n '/^\[monitoring\]/,$p' "$repo/samples/multinode/inventory" | sed 's/^compute01$/compute0001/'
    } >"$work/inventory-$hosts"
}

# One fact cache file per host (Ansible's jsonfile format), from the sample's compute01 with the host's own name
# and address, so genconfig plans offline with the dry-run executor as after `kolla gather-facts`.
facts() {
    python3 - "$repo/samples/multinode/facts/compute01" "$work/inventory-$1" "$work/facts-$1" <<'PY'
import json, os, re, sys
template, inventory, out = sys.argv[1:]
base = json.load(open(template))
os.makedirs(out, exist_ok=True)
for line in open(inventory):
    m = re.match(r'^(\S+) ansible_host=(\S+)', line)
    if not m:
        continue
    name, address = m.groups()
    facts = json.loads(json.dumps(base))
    facts["ansible_hostname"] = facts["ansible_nodename"] = name
    facts["ansible_fqdn"] = name + ".example.org"
    facts["ansible_all_ipv4_addresses"] = [address]
    facts["ansible_default_ipv4"]["address"] = facts["ansible_eth0"]["ipv4"]["address"] = address
    with open(os.path.join(out, name), "w") as f:
        json.dump(facts, f, sort_keys=True, indent=4)
PY
}

passwords="$repo/tests/Kolla.Core.Tests/Golden/genconfig/passwords.yml"
uptime
printf '%-7s %-10s %8s %8s %8s %8s %12s\n' hosts verb files wall_s user_s sys_s max_rss_MiB
for hosts in "${counts[@]}"; do
    generate "$hosts"
    facts "$hosts"
    offline=(--executor dry-run --facts-cache "$work/facts-$hosts")
    config="$work/config-$hosts"
    mkdir -p "$config"
    cp "$repo/samples/multinode/globals.yml" "$config/"
    common=(-i "$work/inventory-$hosts" --configdir "$config" --passwords "$passwords" "${offline[@]}")
    # Warm-up run (disk cache, JIT'd framework pages), then the measured ones (genconfig into a fresh directory).
    "${kolla[@]}" genconfig "${common[@]}" -o "$work/warm-$hosts" >/dev/null
    report() { # verb files
        local timing=$work/time-$hosts-$1
        field() { awk -F': ' -v name="$1" '$1 ~ name { print $2 }' "$timing"; }
        local wall rss
        wall=$(field 'Elapsed \\(wall clock\\)' | awk '{ n = split($1, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }')
        rss=$(field 'Maximum resident set size' | awk '{ printf "%.0f", $1 / 1024 }')
        printf '%-7s %-10s %8s %8s %8s %8s %12s\n' "$hosts" "$1" "$2" "$wall" "$(field 'User time')" "$(field 'System time')" "$rss"
    }
    # The dry-run executor's hosts are empty: plan shows every file and container as to create.
    /usr/bin/time -v -o "$work/time-$hosts-plan" "${kolla[@]}" plan "${common[@]}" >"$work/plan-$hosts"
    report plan -
    out="$work/out-$hosts"
    /usr/bin/time -v -o "$work/time-$hosts-genconfig" "${kolla[@]}" genconfig "${common[@]}" -o "$out" >"$work/stdout-$hosts"
    report genconfig "$(find "$out" -type f | wc -l)"
    rm -rf "$work/warm-$hosts"
done
if [[ "${KOLLA_BENCH_KEEP:-}" == 1 ]]; then echo "kept: $work"; fi
