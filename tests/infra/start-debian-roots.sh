#!/usr/bin/env bash
# Give each namespace host of DIR (made by start-netns-hosts.sh) a minimal Debian bookworm system of
# its own: a fresh copy of the root prepare-debian-root.sh built, with its own sshd (chrooted into
# it, inside the host's namespace) on port 2222, so what a client changes over SSH lands in that root
# and never on this machine. apt inside the root reads only the local repository of .deb files
# (file:/var/local/kolla-debs); policy-rc.d keeps packages from starting daemons in the chroot.
#
#   start-debian-roots.sh DIR [CACHE]      CACHE as for prepare-debian-root.sh
#
# Per host hN: the root in DIR/hN/debian (its /proc mounted; cleanup.sh unmounts it), the sshd's pid
# in DIR/hN/debian-sshd.pid and log in DIR/hN/debian-sshd.log; root logs in with DIR/client_key.
# Writes DIR/debian-hosts.tsv (name, namespace, address, port, root, host public key) and
# DIR/debian_known_hosts.
set -euo pipefail

dir=${1:?usage: start-debian-roots.sh DIR [CACHE]}
cache=${2:-/var/tmp/kolla-test-debian-root}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
port=2222
dir=$(cd "$dir" && pwd)
[[ -f "$dir/hosts.tsv" && -f "$dir/client_key.pub" ]] || { echo "start-debian-roots.sh: run start-netns-hosts.sh $dir first" >&2; exit 2; }
bash "$here/prepare-debian-root.sh" "$cache"

: >"$dir/debian-hosts.tsv"
: >"$dir/debian_known_hosts"
while IFS=$'\t' read -r name ns address _ _; do
    root="$dir/$name/debian"
    mkdir -p "$root"
    tar -C "$root" -xf "$cache/root.tar"
    # Hard links where the file system allows (apt only reads them), so a host costs no copy.
    cp -al "$cache/debs/." "$root/var/local/kolla-debs/" 2>/dev/null || cp -a "$cache/debs/." "$root/var/local/kolla-debs/"
    mount -t proc proc "$root/proc"
    chroot "$root" ssh-keygen -q -t ed25519 -N '' -C "kolla-test-debian-$name" -f /etc/ssh/ssh_host_ed25519_key
    install -d -m 0700 "$root/root/.ssh"
    install -m 0600 "$dir/client_key.pub" "$root/root/.ssh/authorized_keys"
    install -d -m 0755 "$root/run/sshd"
    cat >"$root/etc/ssh/kolla-test_sshd_config" <<CONF
Port $port
ListenAddress $address
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PidFile none
Subsystem sftp /usr/lib/openssh/sftp-server
CONF
    # The run directory on the command line: stop-pid.sh --expect finds its own processes by it.
    ip netns exec "$ns" chroot "$root" /usr/sbin/sshd -D -e -f /etc/ssh/kolla-test_sshd_config \
        -o "SetEnv=KOLLA_TEST_RIG=$dir/" >"$dir/$name/debian-sshd.log" 2>&1 &
    echo $! >"$dir/$name/debian-sshd.pid"
    for _ in $(seq 1 100); do
        if ip netns exec "$ns" bash -c "exec 3<>/dev/tcp/$address/$port" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    ip netns exec "$ns" bash -c "exec 3<>/dev/tcp/$address/$port" 2>/dev/null \
        || { echo "start-debian-roots.sh: the sshd of $name did not start, see $dir/$name/debian-sshd.log" >&2; exit 4; }
    key=$(cut -d' ' -f1,2 "$root/etc/ssh/ssh_host_ed25519_key.pub")
    printf '[%s]:%s %s\n' "$address" "$port" "$key" >>"$dir/debian_known_hosts"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$ns" "$address" "$port" "$root" "$key" >>"$dir/debian-hosts.tsv"
done <"$dir/hosts.tsv"
cat "$dir/debian-hosts.tsv"
