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
}

e2e_netns_down() {
    ip link del "${E2E_VETH_HOST}" 2>/dev/null || true
    ip netns del "${E2E_NETNS}" 2>/dev/null || true
}

e2e_engine_up() {
    mkdir -p "${E2E_ENGINE_DIR}" "${E2E_EXEC_ROOT}"
    if [ -S "${E2E_SOCKET}" ] && DOCKER_HOST="unix://${E2E_SOCKET}" docker version >/dev/null 2>&1; then
        return 0
    fi
    # nsenter (not `ip netns exec`, which remounts /sys and hides the cgroup hierarchy) joins only
    # the network namespace.
    nsenter --net="/run/netns/${E2E_NETNS}" dockerd \
        --storage-driver=vfs \
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
