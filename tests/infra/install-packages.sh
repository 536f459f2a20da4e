#!/usr/bin/env bash
# Install the Debian packages the test suite needs, only those missing (apt-get, non-interactive).
#
#   install-packages.sh
set -euo pipefail

packages=(docker.io openssh-server busybox-static iproute2 sudo python3-oslo.config ansible-core)
# The Debian root hosts of the bootstrap-servers test (prepare-debian-root.sh).
packages+=(debootstrap dpkg-dev)
# The converge tests on Podman (kolla_container_engine: podman); the private service runs with runc.
packages+=(podman runc)
# The completion scripts are tested in real zsh and fish.
packages+=(zsh fish)
# The kolla-ansible oracle (../shared/tools/kolla-ansible-oracle) that the fact parity test runs.
packages+=(python3-jinja2 python3-yaml python3-netaddr python3-oslo.utils python3-jmespath python3-bcrypt python3-hvac python3-cryptography)
# With AppArmor on in the kernel, dockerd must load its docker-default profile (apparmor_parser) or
# containers fail to start; docker.io only recommends the package and recommends are not installed here.
if [[ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" == Y ]]; then
    packages+=(apparmor)
fi

missing=()
for pkg in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-packages.sh: missing ${missing[*]} and no apt-get; install them by other means" >&2
    exit 3
fi
echo "install-packages.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq </dev/null
apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null
