#!/bin/bash
# Private network namespace + Docker engine for the end-to-end run (sourced by scripts/e2e.sh).
# Containers with host networking live in the namespace; nothing binds on the machine's interfaces.
# Needs root, iproute2 and dockerd.

E2E_NETNS="${E2E_NETNS:-kolla-e2e}"
E2E_VETH_HOST="${E2E_VETH_HOST:-kolla-e2e-h}"
E2E_VETH_NS="${E2E_VETH_NS:-kolla-e2e-n}"
E2E_HOST_ADDR="${E2E_HOST_ADDR:-10.77.0.1}"
E2E_NS_ADDR="${E2E_NS_ADDR:-10.77.0.2}"
E2E_ENGINE_DIR="${E2E_ENGINE_DIR:-/var/tmp/kolla-e2e-docker}"
E2E_EXEC_ROOT="${E2E_EXEC_ROOT:-/run/kolla-e2e-exec}"
E2E_SOCKET="${E2E_SOCKET:-/run/kolla-e2e-docker.sock}"
E2E_PIDFILE="${E2E_PIDFILE:-/run/kolla-e2e-docker.pid}"
E2E_RUNTIME="${E2E_RUNTIME:-/var/tmp/kolla-e2e-runc}"
# The address keepalived would hold, when the scenario deploys HAProxy (empty: none).
E2E_VIP="${E2E_VIP:-}"
# The interface neutron_external_interface names, when the scenario deploys Open vSwitch (empty: none):
# one end of a veth pair in the namespace, the other end unused (the sandbox has no external network).
E2E_EXT_IF="${E2E_EXT_IF:-}"

e2e_netns_up() {
    if ! ip netns list | grep -qw "${E2E_NETNS}"; then
        ip netns add "${E2E_NETNS}"
    fi
    ip netns exec "${E2E_NETNS}" ip link set lo up
    if ! ip link show "${E2E_VETH_HOST}" >/dev/null 2>&1; then
        ip link add "${E2E_VETH_HOST}" type veth peer name "${E2E_VETH_NS}"
        ip link set "${E2E_VETH_NS}" netns "${E2E_NETNS}"
        ip addr add "${E2E_HOST_ADDR}/24" dev "${E2E_VETH_HOST}"
        ip netns exec "${E2E_NETNS}" ip addr add "${E2E_NS_ADDR}/24" dev "${E2E_VETH_NS}"
    fi
    ip link set "${E2E_VETH_HOST}" up
    ip netns exec "${E2E_NETNS}" ip link set "${E2E_VETH_NS}" up
    # keepalived is off in the sandbox: the VIP is a second address of the node's interface, as
    # keepalived would add it on its master (the node's own address stays the first one).
    if [ -n "${E2E_VIP}" ] && ! ip netns exec "${E2E_NETNS}" ip -4 addr show dev "${E2E_VETH_NS}" | grep -q " ${E2E_VIP}/"; then
        ip netns exec "${E2E_NETNS}" ip addr add "${E2E_VIP}/32" dev "${E2E_VETH_NS}"
    fi
    # The external bridge's port (openvswitch's post-start adds it to br-ex); removed with the namespace.
    if [ -n "${E2E_EXT_IF}" ] && ! ip netns exec "${E2E_NETNS}" ip link show "${E2E_EXT_IF}" >/dev/null 2>&1; then
        ip netns exec "${E2E_NETNS}" ip link add "${E2E_EXT_IF}" type veth peer name "${E2E_EXT_IF}-p"
        ip netns exec "${E2E_NETNS}" ip link set "${E2E_EXT_IF}-p" up
        ip netns exec "${E2E_NETNS}" ip link set "${E2E_EXT_IF}" up
    fi
}

e2e_netns_down() {
    ip link del "${E2E_VETH_HOST}" 2>/dev/null || true
    ip netns del "${E2E_NETNS}" 2>/dev/null || true
}

# The runtime of the private engine: runc, after dropping from the container's capability sets
# those the sandbox itself does not hold (a privileged container asks for all of them, and runc
# fails when one is outside its bounding set). Containers that are not privileged are unchanged.
e2e_runtime_write() {
    local names=(CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE
        NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT
        SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE
        AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ
        PERFMON BPF CHECKPOINT_RESTORE)
    local bounding missing=() bit
    bounding="$((16#$(awk '/^CapBnd:/ {print $2}' /proc/self/status)))"
    for bit in "${!names[@]}"; do
        if (( (bounding >> bit & 1) == 0 )); then
            missing+=("\"CAP_${names[bit]}\"")
        fi
    done
    local drop
    drop="$(IFS=,; echo "${missing[*]}")"
    {
        echo '#!/bin/bash'
        echo "# Written by scripts/e2e/engine.sh: runc without the capabilities the sandbox lacks."
        echo "drop='[${drop}]'"
        cat <<'WRAPPER'
# create: the bundle's config.json (.process.capabilities); exec: the --process file (.capabilities).
trim() {
    jq -c --argjson drop "${drop}" \
        "if $1 then $1 |= with_entries(.value |= (. // [] | map(select(. as \$c | \$drop | index(\$c) | not)))) else . end" \
        "$2" > "$2.e2e" && mv "$2.e2e" "$2"
}
bundle=""
process=""
previous=""
for arg in "$@"; do
    case "${previous}" in --bundle|-b) bundle="${arg}" ;; --process|-p) process="${arg}" ;; esac
    case "${arg}" in --bundle=*) bundle="${arg#--bundle=}" ;; --process=*) process="${arg#--process=}" ;; esac
    previous="${arg}"
done
if [ "${drop}" != "[]" ]; then
    if [ -n "${bundle}" ] && [ -f "${bundle}/config.json" ]; then
        trim .process.capabilities "${bundle}/config.json"
    fi
    if [ -n "${process}" ] && [ -f "${process}" ]; then
        trim .capabilities "${process}"
    fi
fi
exec runc "$@"
WRAPPER
    } > "${E2E_RUNTIME}"
    chmod 0755 "${E2E_RUNTIME}"
}

# The engine's storage driver: overlay2 when the kernel mounts an overlay whose layers live on the data
# root's file system (a layer then holds only what its step changed), vfs otherwise (every layer a full
# copy of the file system: slower builds, several times the disk). The probe mounts in a mount namespace
# of its own, which takes the mount with it. E2E_STORAGE_DRIVER forces a driver.
E2E_STORAGE_DRIVER="${E2E_STORAGE_DRIVER:-}"
E2E_STORAGE_REASON=""

e2e_storage_probe() {
    if [ -n "${E2E_STORAGE_DRIVER}" ]; then
        E2E_STORAGE_REASON="set by E2E_STORAGE_DRIVER"
        return 0
    fi
    local probe
    mkdir -p "${E2E_ENGINE_DIR}"
    probe="$(mktemp -d "${E2E_ENGINE_DIR}/.overlay-probe.XXXXXX")"
    mkdir -p "${probe}/lower" "${probe}/upper" "${probe}/work" "${probe}/merged"
    echo probe > "${probe}/lower/file"
    if unshare --mount --propagation private sh -c 'mount -t overlay overlay -o "lowerdir=$1/lower,upperdir=$1/upper,workdir=$1/work" "$1/merged" && test -f "$1/merged/file"' \
        e2e-probe "${probe}" 2>/dev/null; then
        E2E_STORAGE_DRIVER=overlay2
        E2E_STORAGE_REASON="the kernel mounts overlay on ${E2E_ENGINE_DIR}"
    else
        E2E_STORAGE_DRIVER=vfs
        E2E_STORAGE_REASON="the kernel cannot mount overlay on ${E2E_ENGINE_DIR}"
    fi
    rm -rf "${probe}"
}

e2e_engine_up() {
    mkdir -p "${E2E_ENGINE_DIR}" "${E2E_EXEC_ROOT}"
    if [ -S "${E2E_SOCKET}" ] && DOCKER_HOST="unix://${E2E_SOCKET}" docker version >/dev/null 2>&1; then
        return 0
    fi
    e2e_storage_probe
    echo "storage driver ${E2E_STORAGE_DRIVER} (${E2E_STORAGE_REASON})"
    e2e_runtime_write
    # nsenter (not `ip netns exec`, which remounts /sys and hides the cgroup hierarchy) joins only
    # the network namespace. The engine gets its own mount namespace in which /run is a shared
    # mount point, as on a systemd host: kolla-ansible mounts /run into nova-compute and kolla-toolbox
    # with shared propagation. The machine's own mounts are not touched.
    nsenter --net="/run/netns/${E2E_NETNS}" unshare --mount --propagation private \
        sh -c 'mount --bind /run /run && mount --make-shared /run && exec "$@"' e2e-engine dockerd \
        --add-runtime "kolla-e2e=${E2E_RUNTIME}" --default-runtime kolla-e2e \
        --storage-driver="${E2E_STORAGE_DRIVER}" \
        --data-root="${E2E_ENGINE_DIR}" \
        --exec-root="${E2E_EXEC_ROOT}" \
        --host="unix://${E2E_SOCKET}" \
        --pidfile="${E2E_PIDFILE}" \
        --iptables=false --ip6tables=false --bridge=none --ip-forward=false --ip-masq=false \
        >"${E2E_ENGINE_LOG:-/var/tmp/kolla-e2e-dockerd.log}" 2>&1 &
    for _ in $(seq 1 60); do
        if DOCKER_HOST="unix://${E2E_SOCKET}" docker version >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    echo "private dockerd did not answer on ${E2E_SOCKET}" >&2
    return 1
}

e2e_engine_down() {
    if [ -f "${E2E_PIDFILE}" ]; then
        local pid
        pid="$(cat "${E2E_PIDFILE}")"
        kill "${pid}" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "${pid}" 2>/dev/null || break
            sleep 1
        done
    fi
    rm -f "${E2E_RUNTIME}"
}

# Outbound access for image builds (apt inside `docker build --network host` runs in the
# namespace): a default route through the root side of the veth and one masquerade rule for the
# namespace's subnet. Nothing listens on the machine's interfaces.
E2E_SUBNET="${E2E_SUBNET:-10.77.0.0/24}"

e2e_nat_up() {
    ip netns exec "${E2E_NETNS}" ip route replace default via "${E2E_HOST_ADDR}"
    if [ "$(sysctl -n net.ipv4.ip_forward)" != "1" ]; then
        sysctl -qw net.ipv4.ip_forward=1
    fi
    if ! iptables -t nat -C POSTROUTING -s "${E2E_SUBNET}" ! -o "${E2E_VETH_HOST}" -m comment --comment kolla-e2e -j MASQUERADE 2>/dev/null; then
        iptables -t nat -A POSTROUTING -s "${E2E_SUBNET}" ! -o "${E2E_VETH_HOST}" -m comment --comment kolla-e2e -j MASQUERADE
    fi
}

e2e_nat_down() {
    while iptables -t nat -D POSTROUTING -s "${E2E_SUBNET}" ! -o "${E2E_VETH_HOST}" -m comment --comment kolla-e2e -j MASQUERADE 2>/dev/null; do
        :
    done
}
