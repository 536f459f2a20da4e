#!/bin/bash
# End-to-end proof that the configs Kolla for .NET generates run real services (not part of CI;
# needs root, a Debian mirror reachable through apt, and a few GB of disk).
#
#   1. installs docker.io, debootstrap and friends; creates a network namespace with a veth pair
#      (10.77.0.1 root side, 10.77.0.2 in the namespace) and a private dockerd inside it
#      (overlay2 or vfs, own data root, own socket): containers' host network is the namespace;
#   2. publishes kolla_start (NativeAOT) and builds the images with `kolla build --debootstrap`;
#   3. deploys the all-in-one sample restricted to MariaDB, Memcached, RabbitMQ and Keystone;
#   4. checks each service with the generated passwords (SQL, memcached stats, RabbitMQ login,
#      a Keystone token), reruns the deploy (must change nothing), destroys, checks nothing is left;
#   5. prints the wall time of each phase and the engine's disk use; everything it started is
#      stopped by PID and removed at exit.
#
# Environment:
#   E2E_WORK       work directory (configdir, node configs, logs)      [/var/tmp/kolla-e2e]
#   E2E_KEEP=1     leave the namespace, engine and containers running at exit (debugging)
#   E2E_SKIP_BUILD=1  reuse the images already in the engine
#   E2E_MIRROR     Debian mirror for debootstrap and the images         [from the host's apt sources]
#   E2E_THREADS    parallel image builds                                 [2]
#   E2E_STORAGE_DRIVER  the engine's storage driver   [overlay2 when the kernel mounts overlay on the data root, else vfs]
#   E2E_SCENARIO   core (MariaDB, Memcached, RabbitMQ, Keystone) or control-plane (adds
#                  HAProxy on a VIP, Glance, Placement, Nova, Neutron, Horizon)   [core]
#                  (`--control-plane` on the command line is the same as E2E_SCENARIO=control-plane)
set -o errexit
set -o nounset
set -o pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCENARIO="${E2E_SCENARIO:-core}"
for arg in "$@"; do
    case "${arg}" in
        --control-plane) SCENARIO=control-plane ;;
        *) echo "usage: scripts/e2e.sh [--control-plane]" >&2; exit 2 ;;
    esac
done
E2E_DIR="${REPO}/scripts/e2e"
WORK="${E2E_WORK:-/var/tmp/kolla-e2e}"
NAMESPACE=kolla
TAG="2025.1-debian-bookworm"
SERVICES="mariadb,memcached,rabbitmq,keystone"
IMAGES=(base openstack-base mariadb-server memcached rabbitmq keystone-base keystone keystone-ssh keystone-fernet)
SCENARIO_GLOBALS=()
case "${SCENARIO}" in
    core) ;;
    control-plane)
        SERVICES="${SERVICES},loadbalancer,glance,placement,nova,openvswitch,neutron,horizon"
        IMAGES+=(haproxy glance-api placement-api nova-base nova-api nova-conductor nova-scheduler nova-novncproxy
            nova-compute neutron-base neutron-server openvswitch-base openvswitch-db-server openvswitch-vswitchd
            neutron-openvswitch-agent horizon)
        SCENARIO_GLOBALS=("--extra-vars=@${E2E_DIR}/globals-control-plane.yml")
        export E2E_VIP="${E2E_VIP:-10.77.0.10}"
        # The sample's neutron_external_interface: openvswitch's post-start adds it to the external bridge.
        E2E_EXT_IF="$(awk -F'"' '/^neutron_external_interface:/ {print $2; exit}' "${REPO}/samples/all-in-one/globals.yml")"
        export E2E_EXT_IF
        ;;
    *) echo "E2E_SCENARIO must be core or control-plane, not ${SCENARIO}" >&2; exit 2 ;;
esac

# shellcheck source=e2e/engine.sh
source "${E2E_DIR}/engine.sh"
export DOCKER_HOST="unix://${E2E_SOCKET}"
export E2E_ENGINE_LOG="${WORK}/dockerd.log"

if [[ "$(id -u)" != "0" ]]; then
    echo "scripts/e2e.sh needs root (network namespace, dockerd)" >&2
    exit 1
fi

# ---------------------------------------------------------------- timing and reporting
declare -a PHASES=()
phase_start=0
phase_name=""
begin() {
    phase_name="$1"
    phase_start="$(date +%s)"
    echo
    echo "=== ${phase_name}"
}
end() {
    local elapsed=$(( $(date +%s) - phase_start ))
    disk_sample "${phase_name}"
    PHASES+=("$(printf '%-34s %5ss' "${phase_name}" "${elapsed}")")
    echo "--- ${phase_name}: ${elapsed}s"
}
DISK_PEAK=0
DISK_PEAK_AT=""
# The engine's data root, measured at the end of each phase; the largest is the run's disk peak.
disk_sample() {
    local kib
    if [[ -d "${E2E_ENGINE_DIR}" ]]; then
        kib="$(du -sk "${E2E_ENGINE_DIR}" 2>/dev/null | cut -f1)"
        if [[ -n "${kib}" && "${kib}" -gt "${DISK_PEAK}" ]]; then
            DISK_PEAK="${kib}"
            DISK_PEAK_AT="$1"
        fi
    fi
}
fail() {
    echo "E2E FAILED: $*" >&2
    exit 1
}
report() {
    echo
    echo "=== Summary (scenario ${SCENARIO}; load at start: ${LOAD_AT_START})"
    local line
    for line in "${PHASES[@]}"; do
        echo "  ${line}"
    done
    if [[ -d "${E2E_ENGINE_DIR}" ]]; then
        echo "  engine data root ${E2E_ENGINE_DIR}: $(du -sh "${E2E_ENGINE_DIR}" 2>/dev/null | cut -f1) now," \
            "peak $(( DISK_PEAK / 1024 )) MiB (after: ${DISK_PEAK_AT:-none})"
    fi
    echo "  load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    if [[ -d "${WORK}" ]]; then
        echo "  work directory ${WORK}: $(du -sh "${WORK}" 2>/dev/null | cut -f1)"
    fi
}

# The node's hostname must resolve to its api address, as kolla-ansible's bootstrap-servers makes /etc/hosts say
# (RabbitMQ's node is rabbit@<hostname>): the entry goes first while the test runs, and the file is restored after.
HOSTS_BACKUP=""
e2e_hosts_add() {
    HOSTS_BACKUP="${WORK}/etc-hosts.orig"
    cp /etc/hosts "${HOSTS_BACKUP}"
    { printf '%s %s\n' "${E2E_NS_ADDR}" "$(hostname)"; cat "${HOSTS_BACKUP}"; } > /etc/hosts
}
e2e_hosts_restore() {
    if [[ -n "${HOSTS_BACKUP}" && -f "${HOSTS_BACKUP}" ]]; then
        cat "${HOSTS_BACKUP}" > /etc/hosts
        rm -f "${HOSTS_BACKUP}"
        HOSTS_BACKUP=""
    fi
}

# kolla-ansible mounts the host's /lib/modules into nova-api (and the agents); a test machine without
# kernel modules gets an empty directory for the run, removed afterwards. The Open vSwitch containers
# share the host's /run/openvswitch (the engine creates it): removed afterwards when the run made it.
MODULES_CREATED=""
OVS_RUN_CREATED=""
e2e_modules_dir() {
    if [[ "${SCENARIO}" == "control-plane" && ! -e /lib/modules ]]; then
        mkdir /lib/modules
        MODULES_CREATED=1
    fi
    if [[ "${SCENARIO}" == "control-plane" && ! -e /run/openvswitch ]]; then
        OVS_RUN_CREATED=1
    fi
}
e2e_modules_remove() {
    if [[ -n "${MODULES_CREATED}" ]]; then
        rmdir /lib/modules 2>/dev/null || true
        MODULES_CREATED=""
    fi
    if [[ -n "${OVS_RUN_CREATED}" ]]; then
        rm -rf /run/openvswitch
        OVS_RUN_CREATED=""
    fi
}

cleanup() {
    local status=$?
    report
    if [[ "${E2E_KEEP:-}" == "1" ]]; then
        echo "E2E_KEEP=1: engine left running at ${DOCKER_HOST}, namespace ${E2E_NETNS}"
        exit "${status}"
    fi
    if [[ -S "${E2E_SOCKET}" ]]; then
        local ids
        ids="$(docker ps -aq 2>/dev/null || true)"
        if [[ -n "${ids}" ]]; then
            # shellcheck disable=SC2086
            docker rm -f ${ids} >/dev/null 2>&1 || true
        fi
    fi
    e2e_engine_down
    e2e_hosts_restore
    e2e_modules_remove
    e2e_nat_down
    e2e_netns_down
    if [[ ${status} -eq 0 ]]; then
        echo "E2E PASSED"
    fi
    exit "${status}"
}
trap cleanup EXIT
# Stopped by a signal: the cleanup runs with a failing status (not the last command's, which may be 0).
trap 'exit 143' TERM
trap 'exit 130' INT
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "${WORK}"

# ---------------------------------------------------------------- phase: prerequisites
begin "install prerequisites"
missing=()
for tool in dockerd:docker.io debootstrap:debootstrap curl:curl ip:iproute2 iptables:iptables nsenter:util-linux; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet) is required"
end

begin "namespace and private engine"
e2e_netns_up
e2e_nat_up
e2e_engine_up
docker info --format 'engine {{.ServerVersion}}, storage {{.Driver}}, root {{.DockerRootDir}}'
# A previous run that was interrupted may have left containers and volumes in the private engine.
stale="$(docker ps -aq)"
if [[ -n "${stale}" ]]; then
    # shellcheck disable=SC2086
    docker rm -f ${stale} >/dev/null
fi
stale="$(docker volume ls -q)"
if [[ -n "${stale}" ]]; then
    # shellcheck disable=SC2086
    docker volume rm ${stale} >/dev/null
fi
end

# ---------------------------------------------------------------- phase: programs
begin "publish kolla_start (NativeAOT)"
KOLLA_START_DIR="${REPO}/artifacts/e2e/kolla_start"
dotnet publish "${REPO}/src/Kolla.Start" -c Release -r linux-x64 -o "${KOLLA_START_DIR}" -nologo -v q
[[ -x "${KOLLA_START_DIR}/kolla_start" ]] || fail "no ${KOLLA_START_DIR}/kolla_start after publish"
end

begin "build kolla CLI"
KOLLA_CLI_DIR="${REPO}/artifacts/e2e/kolla"
dotnet build "${REPO}/src/Kolla.Cli" -c Release -o "${KOLLA_CLI_DIR}" -nologo -v q
KOLLA="${KOLLA_CLI_DIR}/kolla"
end

# ---------------------------------------------------------------- phase: images
if [[ "${E2E_SKIP_BUILD:-}" != "1" ]]; then
    begin "kolla build (debootstrap + ${#IMAGES[@]} images)"
    mirror="${E2E_MIRROR:-$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}"
    mirror="${mirror:-http://deb.debian.org/debian}"
    regexes=()
    for image in "${IMAGES[@]}"; do
        regexes+=("^${image}\$")
    done
    "${KOLLA}" build --debootstrap --mirror "${mirror}" --suite bookworm --openstack-release 2025.1 \
        --kolla-start "${KOLLA_START_DIR}/kolla_start" \
        --threads "${E2E_THREADS:-2}" --work-dir "${WORK}/build" --logs-dir "${WORK}/build-logs" \
        --namespace "${NAMESPACE}" --tag "${TAG}" \
        "${regexes[@]}"
    if [[ -f "${WORK}/build-logs/debootstrap.log" ]]; then
        echo "debootstrap log: ${WORK}/build-logs/debootstrap.log"
    fi
    end
fi
for image in "${IMAGES[@]}"; do
    docker image inspect "${NAMESPACE}/${image}:${TAG}" >/dev/null 2>&1 || fail "image ${NAMESPACE}/${image}:${TAG} missing"
done

# ---------------------------------------------------------------- phase: deploy
begin "configs (all-in-one sample + e2e globals)"
CONFIGDIR="${WORK}/configdir"
NODE_DIR="${WORK}/node"
rm -rf "${CONFIGDIR}" "${NODE_DIR}"
mkdir -p "${CONFIGDIR}"
cp "${REPO}/samples/all-in-one/globals.yml" "${CONFIGDIR}/"
cp -r "${REPO}/samples/all-in-one/config" "${CONFIGDIR}/"
# kolla-ansible's own all-in-one inventory, unchanged (no addresses in it): kolla runs inside the namespace,
# so the facts it reads in process are the node's, and network_interface gives the node's address.
cp "${REPO}/../shared/vectors/kolla-ansible-inputs/all-in-one" "${WORK}/inventory"
if [[ "${SCENARIO}" == "control-plane" ]]; then
    # Operator overrides of the scenario (config/nova/nova-compute.conf: the fake virt driver;
    # config/neutron/openvswitch_agent.ini: the userspace datapath, as the kernel has no Open vSwitch module).
    cp -r "${E2E_DIR}/config-control-plane/." "${CONFIGDIR}/config/"
    # The DHCP, L3 and metadata agents are not deployed: our tree has no images for them, and they run
    # dnsmasq, routers and haproxy in network namespaces of their own, started through the engine's socket
    # (neutron_agents_wrappers), which the sandbox's private engine does not offer at the usual path.
    # Their groups have no host here; the Open vSwitch agent and the switch run (group openvswitch).
    awk '/^\[/ { skip = ($0 == "[neutron-dhcp-agent:children]" ||
                         $0 == "[neutron-l3-agent:children]" || $0 == "[neutron-metadata-agent:children]") }
         !(skip && $0 !~ /^\[/ && $0 != "") { print }' \
        "${REPO}/../shared/vectors/kolla-ansible-inputs/all-in-one" > "${WORK}/inventory"
fi
"${KOLLA}" genpwd -p "${CONFIGDIR}/passwords.yml"
KOLLA_NODE=(ip netns exec "${E2E_NETNS}" "${KOLLA}")
COMMON=(-i "${WORK}/inventory" --configdir "${CONFIGDIR}"
    "--extra-vars=@${E2E_DIR}/globals.yml" "${SCENARIO_GLOBALS[@]}" -e "node_config_directory=${NODE_DIR}"
    -t "${SERVICES}")
end

begin "kolla deploy"
e2e_hosts_add
e2e_modules_dir
"${KOLLA_NODE[@]}" deploy --executor docker "${COMMON[@]}" | tee "${WORK}/deploy.log"
end

password() {
    awk -v key="$1:" '$1 == key {print $2; exit}' "${CONFIGDIR}/passwords.yml" | tr -d "\"'"
}

begin "containers healthy"
mapfile -t containers < <(docker ps -a --format '{{.Names}}' | sort)
echo "${#containers[@]} containers: ${containers[*]}"
deadline=$(( $(date +%s) + 300 ))
for container in "${containers[@]}"; do
    while true; do
        health="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "${container}" 2>/dev/null || echo missing)"
        running="$(docker inspect -f '{{.State.Running}}' "${container}" 2>/dev/null || echo false)"
        if [[ "${running}" == "true" && ( "${health}" == "healthy" || "${health}" == "none" ) ]]; then
            echo "${container}: running, health ${health}"
            break
        fi
        if [[ $(date +%s) -ge ${deadline} ]]; then
            docker logs --tail 30 "${container}" 2>&1 || true
            fail "${container} is not healthy (running=${running}, health=${health})"
        fi
        sleep 5
    done
done
end

# ---------------------------------------------------------------- phase: checks
begin "service checks"
db_password="$(password database_password)"
result="$(docker exec mariadb mysql -h "${E2E_NS_ADDR}" -uroot -p"${db_password}" -N -B -e 'SELECT 1')"
[[ "${result}" == "1" ]] || fail "MariaDB: SELECT 1 returned '${result}'"
cluster="$(docker exec mariadb mysql -uroot -p"${db_password}" -N -B -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')"
echo "MariaDB: SELECT 1 as root over TCP ok, Galera cluster size ${cluster}"
# kolla-ansible's register tasks: the monitor user the health check logs in as, and the shard's root user.
monitor="$(docker exec mariadb mariadb --defaults-file=/etc/mysql/healthcheck.cnf -N -B -e 'SELECT CURRENT_USER()')"
[[ "${monitor}" == "monitor@%" ]] || fail "MariaDB: healthcheck.cnf logs in as '${monitor}', not monitor@%"
docker exec mariadb /usr/bin/healthcheck.sh --defaults-file /etc/mysql/healthcheck.cnf --connect --galera_online \
    || fail "MariaDB: the health check fails as the monitor user"
shard_root="$(docker exec -e MYSQL_PWD="${db_password}" mariadb mariadb -h "${E2E_NS_ADDR}" -uroot_shard_0 -N -B -e 'SELECT CURRENT_USER()')"
[[ "${shard_root}" == "root_shard_0@%" ]] || fail "MariaDB: root_shard_0 logs in as '${shard_root}'"
echo "MariaDB: health check passes as ${monitor}; ${shard_root} logs in with database_password"

stats="$(ip netns exec "${E2E_NETNS}" bash -c "exec 3<>/dev/tcp/${E2E_NS_ADDR}/11211 && printf 'stats\r\nquit\r\n' >&3 && cat <&3")"
grep -q '^STAT pid ' <<<"${stats}" || fail "Memcached: no stats answer"
echo "Memcached: stats ok ($(grep -c '^STAT' <<<"${stats}") values)"

docker exec rabbitmq rabbitmqctl authenticate_user openstack "$(password rabbitmq_password)" >/dev/null \
    || fail "RabbitMQ: user openstack rejected"
echo "RabbitMQ: openstack authenticated (definitions.json loaded)"

token_request="$(cat <<JSON
{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
 "domain": {"name": "Default"}, "password": "$(password keystone_admin_password)"}}},
 "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
JSON
)"
code="$(ip netns exec "${E2E_NETNS}" curl -s -o "${WORK}/token.json" -D "${WORK}/token.headers" -w '%{http_code}' \
    -H 'Content-Type: application/json' -d "${token_request}" "http://${E2E_NS_ADDR}:5000/v3/auth/tokens")"
[[ "${code}" == "201" ]] || fail "Keystone: POST /v3/auth/tokens answered ${code}: $(head -c 300 "${WORK}/token.json")"
grep -qi '^x-subject-token:' "${WORK}/token.headers" || fail "Keystone: no X-Subject-Token header"
echo "Keystone: token issued for admin (HTTP 201)"
end

if [[ "${SCENARIO}" == "control-plane" ]]; then
    begin "control-plane checks through the VIP ${E2E_VIP}"
    haproxy_backends="$(docker exec haproxy bash -c 'echo "show stat" | socat - unix-connect:/var/lib/kolla/haproxy/haproxy.sock' 2>/dev/null \
        | awk -F, '$2 == "BACKEND" {printf "%s=%s ", $1, $18}' || true)"
    echo "HAProxy: backends ${haproxy_backends:-(stats socket not readable)}"
    # The first scheduler maps new compute hosts to the cell periodically (nova_scheduler_discover_hosts_interval);
    # a server can be scheduled once the host is mapped.
    mapped=""
    for _ in $(seq 1 60); do
        if docker exec nova_api nova-manage cell_v2 list_hosts 2>/dev/null | grep -qw "$(hostname)"; then
            mapped=1
            break
        fi
        sleep 5
    done
    [[ -n "${mapped}" ]] || fail "Nova: compute host $(hostname) never mapped to a cell"
    echo "Nova: compute host $(hostname) mapped to a cell ($(docker exec nova_api nova-manage cell_v2 list_hosts 2>/dev/null | grep -w "$(hostname)" | awk -F'|' '{print $2}' | xargs))"
    # The switch: the agent's bridges (br-int, br-tun) on the userspace datapath of the e2e override, and the
    # external bridge of openvswitch's post-start (br-ex with neutron_external_interface) in the switch's database.
    bridges="$(docker exec openvswitch_vswitchd ovs-vsctl --format=csv --no-headings --columns=name,datapath_type list Bridge | tr -d '"' | sed 's/,$/,system/' | sort | tr '\n' ' ')"
    for bridge in br-int br-tun; do
        grep -qw "${bridge},netdev" <<<"${bridges}" || fail "Open vSwitch: no bridge ${bridge} on the netdev datapath (bridges: ${bridges})"
    done
    ports="$(docker exec openvswitch_vswitchd ovs-vsctl list-ports br-ex | tr '\n' ' ')"
    grep -qw "${E2E_EXT_IF}" <<<"${ports}" || fail "Open vSwitch: ${E2E_EXT_IF} is not a port of br-ex (ports: ${ports})"
    echo "Open vSwitch: bridges (name,datapath_type) ${bridges}; br-ex ports ${ports}"
    ip netns exec "${E2E_NETNS}" env E2E_VIP="${E2E_VIP}" E2E_ADMIN_PASSWORD="$(password keystone_admin_password)" \
        E2E_COMPUTE_HOST="$(hostname)" python3 "${E2E_DIR}/control_plane_checks.py" \
        || fail "control-plane checks"
    end
fi

# ---------------------------------------------------------------- phase: idempotence
begin "rerun deploy (no changes)"
"${KOLLA_NODE[@]}" deploy --executor docker "${COMMON[@]}" | tee "${WORK}/deploy-rerun.log"
grep -Eq 'changed=0 +failed=0' "${WORK}/deploy-rerun.log" || fail "the second deploy changed something"
"${KOLLA_NODE[@]}" check --executor docker "${COMMON[@]}" || fail "kolla check found drift after the rerun"
end

# ---------------------------------------------------------------- phase: restart with a new monitor password
if [[ "${SCENARIO}" == "core" ]]; then
begin "new monitor password (mariadb restart)"
monitor_password="e2e$(date +%s)"
sed -i "s/^mariadb_monitor_password:.*/mariadb_monitor_password: ${monitor_password}/" "${CONFIGDIR}/passwords.yml"
"${KOLLA_NODE[@]}" deploy --executor docker "${COMMON[@]}" | tee "${WORK}/deploy-monitor.log"
grep -Eq 'failed=0' "${WORK}/deploy-monitor.log" || fail "the deploy with a new monitor password failed"
monitor="$(docker exec -e MYSQL_PWD="${monitor_password}" mariadb mariadb -umonitor --protocol=socket -N -B -e 'SELECT CURRENT_USER()')"
[[ "${monitor}" == "monitor@%" ]] || fail "MariaDB: the monitor user does not log in with its new password"
echo "MariaDB: restarted with healthcheck.cnf's new password, the monitor user follows it"
end
fi

# ---------------------------------------------------------------- phase: destroy
begin "kolla destroy"
echo "engine data root before destroy: $(du -sh "${E2E_ENGINE_DIR}" | cut -f1)"
"${KOLLA_NODE[@]}" destroy --executor docker --yes-i-really-really-mean-it --include-volumes "${COMMON[@]}"
left="$(docker ps -aq)"
[[ -z "${left}" ]] || fail "containers left after destroy: $(docker ps -a --format '{{.Names}}' | tr '\n' ' ')"
left="$(docker volume ls -q)"
[[ -z "${left}" ]] || fail "volumes left after destroy: $(tr '\n' ' ' <<<"${left}")"
echo "no containers and no volumes left"
end
