#!/usr/bin/env bash
# Whole-process INI merge benchmark: kolla-ansible's own merge code (the merge_configs action plugin's parser and
# writer, run by Debian's python3 from the upstream source) against `kolla config merge`, on a deterministic
# ~14 MB six-layer stack (scripts/bench-merge/make_stack.py). Checks the two outputs are byte-identical, then
# prints the median wall and CPU (user + sys) time of each and the ratios.
#
#   ./scripts/bench-merge.sh [ROUNDS]        default 5 rounds each, alternating
#
# Environment: KOLLA_BIN    the kolla binary (default artifacts/kolla-native/linux-x64/kolla, which
#                           scripts/publish.sh makes: the native build users install; built here when missing)
#              KOLLA_ANSIBLE_DIR   an unpacked kolla-ansible tree (default: ../shared/upstream/kolla-ansible-*.tar.gz,
#                           unpacked into the work directory)
#              BENCH_MERGE_BYTES   the stack's total size (default 14000000)
#              KOLLA_BENCH_KEEP=1  keep the work directory (the stack and both outputs)
# Needs /usr/bin/python3 with python3-oslo.config (apt-get install -y python3-oslo.config) and /usr/bin/time.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-5}
python=/usr/bin/python3
kolla=${KOLLA_BIN:-$repo/artifacts/kolla-native/linux-x64/kolla}
[[ -x /usr/bin/time ]] || { echo "bench-merge.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
"$python" -c 'import oslo_config' 2>/dev/null || { echo "bench-merge.sh: $python cannot import oslo_config (apt-get install -y python3-oslo.config)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kolla-bench-merge.XXXXXX")
if [[ "${KOLLA_BENCH_KEEP:-}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; else echo "work directory: $work"; fi

if [[ ! -x "$kolla" ]]; then
    echo "bench-merge.sh: building the native binary (scripts/publish.sh; minutes)" >&2
    "$repo/scripts/publish.sh" >&2
fi

upstream=${KOLLA_ANSIBLE_DIR:-}
if [[ -z "$upstream" ]]; then
    tarball=$(ls "$repo"/../shared/upstream/kolla-ansible-*.tar.gz 2>/dev/null | head -1)
    [[ -n "$tarball" ]] || { echo "bench-merge.sh: set KOLLA_ANSIBLE_DIR to a kolla-ansible tree" >&2; exit 1; }
    tar -xzf "$tarball" -C "$work"
    upstream=$(ls -d "$work"/kolla-ansible* | head -1)
fi
plugin=$upstream/ansible/action_plugins/merge_configs.py
[[ -f "$plugin" ]] || { echo "bench-merge.sh: no $plugin" >&2; exit 1; }

"$python" "$repo/scripts/bench-merge/make_stack.py" "$work/stack" "${BENCH_MERGE_BYTES:-14000000}"
sources=("$work"/stack/*.conf)
input=$(cat "${sources[@]}" | wc -c)
echo "input: ${#sources[@]} files, $input bytes, $(grep -c '^\[' "${sources[0]}") sections in the first; load: $(uptime | sed 's/.*load average: //')"

# One timed run: appends "wall cpu" (seconds) to the named file.
timed() {
    local log=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time" >>"$log"
}

for ((i = 1; i <= rounds; i++)); do
    timed "$work/python.times" "$python" "$repo/scripts/bench-merge/upstream_merge.py" "$plugin" "$work/python.conf" "${sources[@]}"
    timed "$work/kolla.times" "$kolla" config merge -o "$work/kolla.conf" "${sources[@]}"
done

if ! cmp -s "$work/python.conf" "$work/kolla.conf"; then
    echo "bench-merge.sh: the outputs differ ($(cmp "$work/python.conf" "$work/kolla.conf" 2>&1 | head -1))" >&2
    exit 1
fi

median() { sort -n -k"$2" "$1" | awk -v k="$2" '{ v[NR] = $k } END { print v[int((NR + 1) / 2)] }'; }
pw=$(median "$work/python.times" 1) pc=$(median "$work/python.times" 2)
kw=$(median "$work/kolla.times" 1) kc=$(median "$work/kolla.times" 2)
echo "outputs byte-identical: $(wc -c <"$work/kolla.conf") bytes"
printf '%-28s %8s %8s\n' "median of $rounds" "wall s" "cpu s"
printf '%-28s %8s %8s\n' "kolla-ansible merge_configs" "$pw" "$pc"
printf '%-28s %8s %8s\n' "kolla config merge" "$kw" "$kc"
awk -v pw="$pw" -v pc="$pc" -v kw="$kw" -v kc="$kc" -v n="$input" 'BEGIN {
    printf "ratio (python / kolla): wall %.1fx, cpu %.1fx; kolla whole process %.0f MB/s wall\n", pw / kw, (kc > 0 ? pc / kc : 0), n / 1e6 / kw }'
echo "load after: $(uptime | sed 's/.*load average: //')"
