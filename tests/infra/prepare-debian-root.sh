#!/usr/bin/env bash
# Build, once, what start-debian-roots.sh needs: a minimal Debian bookworm root (debootstrap minbase
# with openssh-server) and a local apt repository of the .deb files that `kolla bootstrap-servers`
# installs into it, since the namespace hosts have no network beyond their bridge.
#
#   prepare-debian-root.sh [CACHE]        CACHE defaults to /var/tmp/kolla-test-debian-root
#
# Writes CACHE/root.tar (the root, with sources.list naming only the local repository, and a
# policy-rc.d that keeps packages from starting daemons inside the chroot) and CACHE/debs (the
# .deb files and their Packages index). Kept between runs: a complete CACHE (CACHE/ready) is reused
# as is. Needs root, debootstrap, dpkg-scanpackages (dpkg-dev) and the Debian mirror (KT_DEBIAN_MIRROR,
# default: the first deb.debian.org-style URI in the host's apt sources, else http://deb.debian.org/debian).
set -euo pipefail

cache=${1:-/var/tmp/kolla-test-debian-root}
suite=bookworm
# What bootstrap-servers installs on a Debian host (engine, apparmor, the packages role's list).
packages=(docker.io apparmor git iputils-ping tzdata)

[[ -f "$cache/ready" ]] && exit 0
for tool in debootstrap:debootstrap dpkg-scanpackages:dpkg-dev; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || { echo "prepare-debian-root.sh: ${tool%%:*} not found; install with: apt-get install -y ${tool##*:}" >&2; exit 3; }
done
mirror=${KT_DEBIAN_MIRROR:-}
if [[ -z "$mirror" ]]; then
    mirror=$(grep -rhoE '(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d 2>/dev/null \
        | awk '{ print $2 }' | head -n1 || true)
    mirror=${mirror:-http://deb.debian.org/debian}
fi

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock -w 1800 9
[[ -f "$cache/ready" ]] && exit 0
work="$cache/build.$$"
rm -rf "$work" "$cache/debs" "$cache/root.tar"
mkdir -p "$work"
trap 'umount -l "$work/root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT

debootstrap --variant=minbase --include=openssh-server "$suite" "$work/root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { echo "prepare-debian-root.sh: debootstrap failed, see $cache/debootstrap.log" >&2; exit 4; }

# The .deb files the packages need beyond the root, resolved by the root's own apt (recommends included,
# as apt installs them by default).
cp /etc/resolv.conf "$work/root/etc/resolv.conf"
chroot "$work/root" apt-get update -qq
chroot "$work/root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only "${packages[@]}" >/dev/null
mkdir -p "$work/debs"
mv "$work/root/var/cache/apt/archives/"*.deb "$work/debs/"
(cd "$work/debs" && dpkg-scanpackages --multiversion . /dev/null >Packages 2>/dev/null)
chroot "$work/root" apt-get clean
rm -rf "$work/root/var/lib/apt/lists/"*
: >"$work/root/etc/resolv.conf"

printf 'deb [trusted=yes] file:/var/local/kolla-debs ./\n' >"$work/root/etc/apt/sources.list"
rm -f "$work/root/etc/apt/sources.list.d/"*
printf '#!/bin/sh\n# Test rig: no daemon starts inside the chroot.\nexit 101\n' >"$work/root/usr/sbin/policy-rc.d"
chmod 0755 "$work/root/usr/sbin/policy-rc.d"
mkdir -p "$work/root/var/local/kolla-debs" "$work/root/root/.ssh"
rm -f "$work/root/etc/ssh/ssh_host_"*

tar -C "$work/root" -cf "$cache/root.tar.part" .
mv "$cache/root.tar.part" "$cache/root.tar"
mv "$work/debs" "$cache/debs"
date -u +%FT%TZ >"$cache/ready"
