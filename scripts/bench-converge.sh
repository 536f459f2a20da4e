#!/usr/bin/env bash
# Whole-process converge benchmark: Ansible's docker_container, raw docker, and `kolla deploy`, in one run,
# on the same hosts (the anchor harness in ../shared/bench: K hosts, each its own dockerd behind its own
# loopback sshd on 127.0.0.1:230N, 20 kolla-shaped containers per host).
#
#   sudo ./scripts/bench-converge.sh [K]       (default 3 hosts; needs root: it starts dockerd and sshd)
#
# Phases, each timed as a whole process (wall clock):
#   ansible  cold / no-op rerun / one changed container per host   (ansible-playbook converge.yml -f 10)
#   raw      cold floor (K*20 x `docker run -d`), state-read floor (per engine: docker ps + one docker inspect),
#            one-change floor (per host in parallel: stop -t 10, rm, run), login floor (per host in parallel:
#            OpenSSH's `ssh HOST true`, twice)
#   kolla    cold / no-op rerun / one changed container per host   (kolla deploy over SSH, same containers; the
#            native binary of scripts/publish.sh, plus no-op reruns with the ReadyToRun and JIT builds)
#   kolla-noshell  (only when BENCH_PHASES names it) no login shell per host: a second sshd per host, ours, not the
#            harness's, on 127.0.0.1:240N (same host key, authorized keys and SetEnv, plus `Subsystem sftp
#            internal-sftp`, stopped by PID at exit); an inventory with kolla_docker_host per host and a fact cache
#            (filled by one deploy first), then two timed no-op reruns of the native binary: Docker through sshd's
#            direct-streamlocal channel, the config tree over SFTP, facts from the cache
# Between tools every container and the kolla_logs volume are removed, so each cold run starts from nothing.
# The Ansible playbook stops containers with Docker's default 10 s; kolla gets docker_graceful_timeout: 10 to match.
# Prints a table of times and ratios, then tears the harness down (by PID, through its teardown.sh).
set -euo pipefail

K=${1:-3}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$(cd "$repo/../shared/bench" && pwd)
B=/tmp/kolla-anchor
work=$B/kolla
out=$repo/artifacts/bench-converge
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ $EUID -ne 0 ]]; then
    echo "bench-converge.sh: must run as root (the harness starts dockerd and sshd)" >&2
    exit 1
fi

noshell_pids=()
teardown() {
    local rc=$?
    local pid
    for pid in "${noshell_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n ${BENCH_KEEP:-} ]]; then
        echo "bench-converge.sh: BENCH_KEEP set; the harness keeps running (stop it with $bench/teardown.sh)"
        exit "$rc"
    fi
    echo "bench-converge.sh: teardown"
    bash "$bench/teardown.sh" || true
    exit "$rc"
}
trap teardown EXIT

# BENCH_PHASES=kolla runs only kolla's phases (for profiling; the ratios need all three). Names are separated by
# spaces or commas; kolla-noshell is never a default.
phases=" ${BENCH_PHASES:-ansible raw kolla} "
phases=${phases//,/ }
has_phase() { [[ $phases == *" $1 "* ]]; }

echo "bench-converge.sh: building kolla (NativeAOT as scripts/publish.sh makes it; ReadyToRun and plain JIT for comparison)"
# BENCH_PREBUILT=1 reuses the native binary of an earlier run (e.g. when a build of the same tree just failed for load).
if [[ -z ${BENCH_PREBUILT:-} || ! -x $out/kolla-native/kolla ]]; then
    bash "$repo/scripts/publish.sh" "$out/kolla-native" >/dev/null
fi
if has_phase kolla; then
dotnet publish "$repo/src/Kolla.Cli/Kolla.Cli.csproj" -c Release -r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true \
    -o "$out/kolla-r2r" --disable-build-servers -nologo -v quiet -clp:NoSummary
dotnet publish "$repo/src/Kolla.Cli/Kolla.Cli.csproj" -c Release -p:PublishAot=false -o "$out/kolla-jit" --disable-build-servers -nologo -v quiet -clp:NoSummary
fi
kolla=$out/kolla-native/kolla

echo "bench-converge.sh: starting the harness ($K hosts)"
eval "$(bash "$bench/setup.sh" "$K")"

engines=()
for i in $(seq 1 "$K"); do engines+=("unix://$B/h$i/docker.sock"); done

clean_hosts() {
    local e ids
    for e in "${engines[@]}"; do
        ids=$(DOCKER_HOST=$e docker ps -aq)
        [[ -n $ids ]] && DOCKER_HOST=$e docker rm -f $ids >/dev/null
        DOCKER_HOST=$e docker volume rm -f kolla_logs >/dev/null 2>&1 || true
    done
    rm -rf "$work/node"
}

declare -A T
now() { date +%s.%N; }
# measure KEY LOGFILE COMMAND...: runs the command, records its wall time, fails the script when it fails.
measure() {
    local key=$1 log=$2 start end
    shift 2
    start=$(now)
    if ! "$@" >"$log" 2>&1; then
        echo "bench-converge.sh: '$*' failed; see $log" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    end=$(now)
    T[$key]=$(echo "$end - $start" | bc -l)
    printf '  %-14s %8.3f s\n' "$key" "${T[$key]}"
}

# --- kolla's inputs: the same 20 containers per host as ansible/converge.yml -------------------------
rm -rf "$work" && mkdir -p "$work/etc" "$work/catalogue/anchor"
{
    echo "[hosts]"
    for i in $(seq 1 "$K"); do
        echo "host$i ansible_host=127.0.0.1 ansible_port=$((2300 + i)) ansible_user=root ansible_ssh_private_key_file=$B/id node_config_directory=$work/node/host$i"
    done
} >"$work/inventory"
: >"$work/known_hosts"
for i in $(seq 1 "$K"); do echo "[127.0.0.1]:$((2300 + i)) $(cut -d' ' -f1,2 "$B/hostkey.pub")" >>"$work/known_hosts"; done
cat >"$work/etc/globals.yml" <<'EOF'
---
docker_registry: ""
docker_namespace: "anchor"
docker_graceful_timeout: 10
anchor_tag: "v1"
# kolla-ansible's defaults would deploy Heat and ProxySQL; saying no keeps kolla's warnings out of the logs.
enable_heat: "no"
enable_proxysql: "no"
EOF
echo "{}" >"$work/etc/passwords.yml"
chmod 600 "$work/etc/passwords.yml"
{
    cat <<'EOF'
service: anchor
after: []
restart: parallel
containers:
EOF
    for n in $(seq 1 20); do
        name=$(printf 'svc%02d' "$n")
        tag="v1"
        [[ $n -eq 1 ]] && tag="{{ anchor_tag }}"
        cat <<EOF
  $name:
    container_name: $name
    group: hosts
    image: "anchor/stub:latest"
    environment:
      KOLLA_CONFIG_STRATEGY: COPY_ALWAYS
      TAG: "$tag"
    labels:
      kolla_version: "1"
    volumes:
      - "{{ node_config_directory }}/$name/:{{ container_config_directory }}/:ro"
      - "/etc/localtime:/etc/localtime:ro"
      - "kolla_logs:/var/log/kolla/"
    config_json:
      command: "sleep infinity"
      config_files: []
EOF
    done
} >"$work/catalogue/anchor/service.yml"
kolla_deploy() {
    kolla_deploy_with "$kolla" "$@"
}
kolla_deploy_with() {
    local binary=$1
    shift
    "$binary" deploy -i "$work/inventory" --configdir "$work/etc" --catalogue "$work/catalogue" --tags anchor \
        --known-hosts "$work/known_hosts" --forks 10 "$@"
}

if has_phase ansible; then
# --- Ansible ------------------------------------------------------------------------------------------
clean_hosts
echo "ansible (docker_container, -f 10):"
measure ansible_cold "$out/ansible-cold.log" ansible-playbook "$bench/ansible/converge.yml" -f 10
measure ansible_noop "$out/ansible-noop.log" ansible-playbook "$bench/ansible/converge.yml" -f 10
measure ansible_change "$out/ansible-change.log" ansible-playbook "$bench/ansible/converge.yml" -f 10 -e tag=v2

fi
if has_phase raw; then
# --- raw docker floors ------------------------------------------------------------------------------------
raw_cold() {
    local i n
    for i in $(seq 1 "$K"); do
        for n in $(seq 1 20); do
            DOCKER_HOST=${engines[$((i - 1))]} docker run -d --name "$(printf 'svc%02d' "$n")" --net host --restart unless-stopped \
                -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS -e "KOLLA_SERVICE_NAME=svc$n" -e TAG=v1 -l kolla_version=1 \
                -v "$B/h$i/cfg/svc$n:/var/lib/kolla/config_files:ro" -v /etc/localtime:/etc/localtime:ro -v kolla_logs:/var/log/kolla/ \
                anchor/stub:latest >/dev/null
        done
    done
}
raw_state() {
    local e
    for e in "${engines[@]}"; do
        DOCKER_HOST=$e docker inspect $(DOCKER_HOST=$e docker ps -aq) >/dev/null
    done
}
# The login floor: one `ssh HOST true` per host, all hosts at once (OpenSSH's client, the harness's sshd and key).
# It is what any tool that runs one remote command per host pays at least: the key exchange and the remote user's
# login shell with its start-up files (which sshd runs for every command).
raw_login() {
    local i
    for i in $(seq 1 "$K"); do
        ssh -q -o BatchMode=yes -o UserKnownHostsFile="$work/known_hosts" -i "$B/id" -p $((2300 + i)) root@127.0.0.1 true &
    done
    wait
}
raw_change() {
    local i
    for i in $(seq 1 "$K"); do
        (
            export DOCKER_HOST=${engines[$((i - 1))]}
            docker stop -t 10 svc01 >/dev/null && docker rm svc01 >/dev/null
            docker run -d --name svc01 --net host --restart unless-stopped -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS -e KOLLA_SERVICE_NAME=svc1 \
                -e TAG=v2 -l kolla_version=1 -v "$B/h$i/cfg/svc1:/var/lib/kolla/config_files:ro" -v /etc/localtime:/etc/localtime:ro \
                -v kolla_logs:/var/log/kolla/ anchor/stub:latest >/dev/null
        ) &
    done
    wait
}
clean_hosts
echo "raw docker:"
measure raw_cold "$out/raw-cold.log" raw_cold
measure raw_noop "$out/raw-noop.log" raw_state
measure raw_login "$out/raw-login.log" raw_login
measure raw_login2 "$out/raw-login2.log" raw_login
measure raw_change "$out/raw-change.log" raw_change

fi
if has_phase kolla; then
# --- kolla ------------------------------------------------------------------------------------------------
clean_hosts
echo "kolla deploy (SSH, --forks 10):"
measure kolla_cold "$out/kolla-cold.log" kolla_deploy
measure kolla_noop "$out/kolla-noop.log" kolla_deploy
measure kolla_change "$out/kolla-change.log" kolla_deploy -e anchor_tag=v2
measure kolla_noop2 "$out/kolla-noop2.log" kolla_deploy -e anchor_tag=v2
measure kolla_noop_r2r "$out/kolla-noop-r2r.log" kolla_deploy_with "$out/kolla-r2r/kolla" -e anchor_tag=v2
measure kolla_noop_jit "$out/kolla-noop-jit.log" kolla_deploy_with "$out/kolla-jit/kolla" -e anchor_tag=v2
for log in "$out"/kolla-*.log; do
    echo "    $(basename "$log" .log): $(grep -h "changed=" "$log" | tr -s ' ' | paste -sd ';' -)"
done
for log in kolla-noop kolla-noop2 kolla-noop-r2r kolla-noop-jit; do
    if grep -qE "changed=[1-9]" "$out/$log.log"; then
        echo "bench-converge.sh: a kolla rerun changed something; see $out/$log.log" >&2
        exit 1
    fi
done
if [[ -n ${T[raw_login]:-} ]]; then
    echo "login floor (one \`ssh HOST true\` per host, all at once): $(printf '%.3f' "${T[raw_login]}") s and $(printf '%.3f' "${T[raw_login2]}") s;" \
        "kolla's no-op reruns $(echo "scale=2; ${T[kolla_noop]} / ${T[raw_login]}" | bc -l)x and $(echo "scale=2; ${T[kolla_noop2]} / ${T[raw_login2]}" | bc -l)x of it"
fi

fi
if has_phase kolla-noshell; then
# --- kolla with no login shell: our own second sshd per host ----------------------------------------------------
ns=$work/noshell
rm -rf "$ns" && mkdir -p "$ns/facts"
{
    echo "[hosts]"
    for i in $(seq 1 "$K"); do
        port=$((2400 + i))
        /usr/sbin/sshd -f /dev/null -o Port=$port -o ListenAddress=127.0.0.1 -o HostKey=$B/hostkey \
            -o AuthorizedKeysFile=$B/authorized_keys -o PidFile=$ns/sshd$i.pid -o StrictModes=no \
            -o PermitRootLogin=prohibit-password -o MaxSessions=50 -o "SetEnv=DOCKER_HOST=${engines[$((i - 1))]}" \
            -o "Subsystem=sftp internal-sftp"
        for _ in $(seq 1 50); do [[ -s $ns/sshd$i.pid ]] && break; sleep 0.1; done
        noshell_pids+=("$(cat "$ns/sshd$i.pid")")
        echo "host$i ansible_host=127.0.0.1 ansible_port=$port ansible_user=root ansible_ssh_private_key_file=$B/id node_config_directory=$work/node/host$i kolla_docker_host=${engines[$((i - 1))]}"
        echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$B/hostkey.pub")" >>"$ns/known_hosts"
    done
} >"$ns/inventory"
kolla_noshell() {
    "$kolla" deploy -i "$ns/inventory" --configdir "$work/etc" --catalogue "$work/catalogue" --tags anchor \
        --known-hosts "$ns/known_hosts" --forks 10 --facts-cache "$ns/facts" "$@"
}
clean_hosts
echo "kolla deploy, no login shell (our sshd on 127.0.0.1:240N with internal-sftp; kolla_docker_host; fact cache):"
measure noshell_cold "$out/noshell-cold.log" kolla_noshell
measure noshell_noop "$out/noshell-noop.log" kolla_noshell
measure noshell_noop2 "$out/noshell-noop2.log" kolla_noshell
# The same no-op through the harness's own sshd (no SFTP, no kolla_docker_host): one login shell per host, for comparison.
measure noshell_ref "$out/noshell-ref.log" kolla_deploy --facts-cache "$ns/facts"
for log in noshell-noop noshell-noop2 noshell-ref; do
    if grep -qE "changed=[1-9]" "$out/$log.log"; then
        echo "bench-converge.sh: a kolla rerun changed something; see $out/$log.log" >&2
        exit 1
    fi
done
if [[ -n ${T[raw_noop]:-} ]]; then
    echo "no-op reruns without a login shell: $(printf '%.3f' "${T[noshell_noop]}") s and $(printf '%.3f' "${T[noshell_noop2]}") s native;" \
        "state-read floor $(printf '%.3f' "${T[raw_noop]}") s ($(echo "scale=2; ${T[noshell_noop]} / ${T[raw_noop]}" | bc -l)x, $(echo "scale=2; ${T[noshell_noop2]} / ${T[raw_noop]}" | bc -l)x)"
    echo "the same no-op with one login shell per host (the harness's sshd): $(printf '%.3f' "${T[noshell_ref]}") s ($(echo "scale=2; ${T[noshell_ref]} / ${T[raw_noop]}" | bc -l)x)"
fi
echo "load average after the no-shell phase: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

fi
if ! has_phase ansible || ! has_phase raw || ! has_phase kolla; then
    exit 0
fi
# --- table --------------------------------------------------------------------------------------------------
ratio() { echo "scale=2; $1 / $2" | bc -l; }
echo
echo "Converge, $K hosts x 20 containers (whole processes, wall clock; same run):"
printf '| %-34s | %9s | %9s | %9s | %13s | %15s |\n' "work" "Ansible" "kolla" "raw floor" "kolla / floor" "kolla / Ansible"
printf '| %-34s | %9s | %9s | %9s | %13s | %15s |\n' "---" "---:" "---:" "---:" "---:" "---:"
row() {
    printf '| %-34s | %8.2fs | %8.2fs | %8.2fs | %12sx | %14sx |\n' "$1" "${T[ansible_$2]}" "${T[kolla_$2]}" "${T[raw_$2]}" \
        "$(ratio "${T[kolla_$2]}" "${T[raw_$2]}")" "$(ratio "${T[kolla_$2]}" "${T[ansible_$2]}")"
}
row "cold converge" cold
row "no-op rerun" noop
row "one container per host changed" change
echo
echo "one change, minus its restart floor (stop -t 10 + rm + run): kolla $(echo "${T[kolla_change]} - ${T[raw_change]}" | bc -l | xargs printf '%.2f') s, Ansible $(echo "${T[ansible_change]} - ${T[raw_change]}" | bc -l | xargs printf '%.2f') s"
echo "kolla no-op again after the change: $(printf '%.3f' "${T[kolla_noop2]}") s (native); same with the ReadyToRun build: $(printf '%.3f' "${T[kolla_noop_r2r]}") s; with the JIT build (as installed by dotnet tool): $(printf '%.3f' "${T[kolla_noop_jit]}") s"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "logs: $out"
