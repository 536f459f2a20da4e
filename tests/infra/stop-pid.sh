#!/usr/bin/env bash
# Stop processes by PID: SIGTERM, wait up to GRACE seconds (default 10), then SIGKILL.
#
#   stop-pid.sh [--grace SECONDS] [--expect TEXT] PID|PIDFILE...
#
# Only the given PIDs are signalled. A PID file that is missing or names a dead process is ignored.
# With --expect, a PID is signalled only when its command line contains TEXT (every process the rig
# starts names its own run directory on its command line), so a recycled PID is never hit.
set -uo pipefail

grace=10
expect=
while (($#)); do
    case "$1" in
    --grace) grace=$2; shift 2 ;;
    --expect) expect=$2; shift 2 ;;
    *) break ;;
    esac
done

alive() {
    # A zombie counts as stopped: it only waits for its parent to reap it.
    local state
    # Field 3 of /proc/PID/stat, read after the ") " that closes the command name (which may hold spaces).
    state=$(sed 's/.*) //' 2>/dev/null <"/proc/$1/stat" | cut -d' ' -f1) || return 1
    [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

pids=()
for arg in "$@"; do
    if [[ "$arg" =~ ^[0-9]+$ ]]; then
        pid=$arg
    elif [[ -f "$arg" ]]; then
        pid=$(tr -dc '0-9' 2>/dev/null <"$arg") || continue
    else
        continue
    fi
    if [[ -z "$pid" ]] || ((pid <= 1)) || ! alive "$pid"; then
        continue
    fi
    if [[ -n "$expect" ]]; then
        cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
        [[ "$cmdline" == *"$expect"* ]] || continue
    fi
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
done

deadline=$((SECONDS + grace))
for pid in "${pids[@]}"; do
    while alive "$pid" && ((SECONDS < deadline)); do
        sleep 0.1
    done
    if alive "$pid"; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
done
exit 0
