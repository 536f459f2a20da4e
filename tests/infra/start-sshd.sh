#!/usr/bin/env bash
# Start a private sshd (key login only, fresh ed25519 host key) and wait until it answers.
#
#   start-sshd.sh DIR ADDRESS PORT [NETNS]
#
# PORT 0 picks a free port. With NETNS the sshd runs inside that network namespace (ip netns exec).
# Environment:
#   KT_SSHD_DOCKER_HOST      sessions see DOCKER_HOST=<this> (sshd_config SetEnv)
#   KT_SSHD_AUTHORIZED_KEYS  public key file that may log in (default: a client key generated in DIR)
#   KT_SSHD_NO_SFTP          when 1, no sftp subsystem (like an sshd started with -f /dev/null)
#   KT_SSHD_NO_STREAMLOCAL   when 1, AllowStreamLocalForwarding no (channels to unix sockets refused)
#   KT_SSHD_PASSWORD_AUTH    when 1, password logins are allowed too (PasswordAuthentication yes)
# Writes DIR/host_key(.pub), DIR/client_key(.pub) unless given, DIR/sshd_config, DIR/known_hosts,
# DIR/sshd.pid, DIR/sshd.log. Prints "ADDRESS PORT". Stop with stop-pid.sh DIR/sshd.pid.
set -euo pipefail

dir=${1:?usage: start-sshd.sh DIR ADDRESS PORT [NETNS]}
address=${2:?usage: start-sshd.sh DIR ADDRESS PORT [NETNS]}
port=${3:?usage: start-sshd.sh DIR ADDRESS PORT [NETNS]}
netns=${4:-}
sshd=/usr/sbin/sshd

for tool in "$sshd" ssh-keygen; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "start-sshd.sh: $tool not found; install with: apt-get install -y openssh-server" >&2
        exit 3
    fi
done

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# sshd insists on its privilege separation directory.
mkdir -p /run/sshd
chmod 0755 /run/sshd

run_in=()
if [[ -n "$netns" ]]; then
    [[ -e "/run/netns/$netns" ]] || { echo "start-sshd.sh: no network namespace $netns" >&2; exit 2; }
    run_in=(ip netns exec "$netns")
fi

[[ -f "$dir/host_key" ]] || ssh-keygen -q -t ed25519 -N '' -C "kolla-test-host" -f "$dir/host_key"
authorized=${KT_SSHD_AUTHORIZED_KEYS:-}
if [[ -z "$authorized" ]]; then
    [[ -f "$dir/client_key" ]] || ssh-keygen -q -t ed25519 -N '' -C "kolla-test-client" -f "$dir/client_key"
    authorized="$dir/client_key.pub"
fi

# Without PAM, sshd refuses accounts whose password field is locked ("!..."); fall back to PAM then.
use_pam=no
if [[ "$(id -un)" == root ]] && [[ "$(getent shadow root 2>/dev/null | cut -d: -f2)" == '!'* ]]; then
    use_pam=yes
fi

password_auth=no
auth_methods=publickey
if [[ "${KT_SSHD_PASSWORD_AUTH:-}" == 1 ]]; then
    password_auth=yes
    auth_methods="publickey password"
fi

port_in_use() {
    local p
    for p in $("${run_in[@]}" ss -Htln 2>/dev/null | awk '{ print $4 }' | sed 's/.*://'); do
        [[ "$p" == "$1" ]] && return 0
    done
    return 1
}

banner() {
    # Succeeds when an SSH server greets on $address:$1.
    local greeting
    # shellcheck disable=SC2016 # $0 and $1 belong to the inner bash
    greeting=$(timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1" && head -c 4 <&3' "$address" "$1" 2>/dev/null) || true
    [[ "$greeting" == SSH- ]]
}

write_config() {
    cat >"$dir/sshd_config" <<CONF
# Private sshd of the Kolla test rig ($dir).
ListenAddress $address:$1
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $authorized
PermitRootLogin yes
UsePAM $use_pam
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication $password_auth
KbdInteractiveAuthentication no
AuthenticationMethods $auth_methods
UseDNS no
PrintMotd no
PrintLastLog no
MaxSessions 64
MaxStartups 64:30:128
AllowTcpForwarding yes
AllowStreamLocalForwarding $([[ "${KT_SSHD_NO_STREAMLOCAL:-}" == 1 ]] && echo no || echo yes)
CONF
    if [[ "${KT_SSHD_NO_SFTP:-}" != 1 ]]; then
        echo "Subsystem sftp internal-sftp" >>"$dir/sshd_config"
    fi
    if [[ -n "${KT_SSHD_DOCKER_HOST:-}" ]]; then
        echo "SetEnv DOCKER_HOST=$KT_SSHD_DOCKER_HOST" >>"$dir/sshd_config"
    fi
}

for _ in 1 2 3 4 5; do
    try_port=$port
    if [[ "$port" == 0 ]]; then
        try_port=$((20000 + RANDOM % 40000))
        port_in_use "$try_port" && continue
    fi
    write_config "$try_port"
    "$sshd" -t -f "$dir/sshd_config" 2>"$dir/sshd.log" || {
        cat "$dir/sshd.log" >&2
        echo "start-sshd.sh: sshd rejected $dir/sshd_config" >&2
        exit 4
    }
    rm -f "$dir/sshd.pid"
    setsid "${run_in[@]}" "$sshd" -D -e -f "$dir/sshd_config" </dev/null >"$dir/sshd.log" 2>&1 &
    spid=$!
    # ip netns exec and setsid exec the program, so $! is sshd itself; record it before sshd does.
    echo "$spid" >"$dir/sshd.pid"
    for _ in $(seq 1 100); do
        if ! kill -0 "$spid" 2>/dev/null; then
            break
        fi
        if banner "$try_port"; then
            echo "$address $(cut -d' ' -f1,2 "$dir/host_key.pub")" |
                { if [[ "$try_port" == 22 ]]; then cat; else sed "s/^$address /[$address]:$try_port /"; fi; } \
                    >"$dir/known_hosts"
            echo "$address $try_port"
            exit 0
        fi
        sleep 0.05
    done
    # Not up: stop it (it may still be alive) and try another port if we chose it.
    kill -TERM "$spid" 2>/dev/null || true
    wait "$spid" 2>/dev/null || true
    if [[ "$port" != 0 ]]; then
        break
    fi
done
cat "$dir/sshd.log" >&2 2>/dev/null || true
echo "start-sshd.sh: sshd did not come up on $address:$port" >&2
exit 4
