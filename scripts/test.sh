#!/usr/bin/env bash
# Run every test of the solution against real components.
#
#   bash scripts/test.sh [extra dotnet test arguments]   (re-runs itself through sudo when not root)
#
# As root: installs the Debian packages the tests need when missing, starts a private Docker engine
# (tests/infra/start-dockerd.sh: vfs, own data/exec root, unix socket and pid file, no bridge, no
# iptables), builds the busybox test image, runs `dotnet build` and scripts/publish.sh, then `dotnet test` for Kolla.sln, and
# stops everything it and the test fixtures started (by PID, see tests/infra/cleanup.sh), even when
# the tests fail. Exits with dotnet test's status; the test output is kept in artifacts/test.log.
#
# Environment passed to the tests:
#   KOLLA_TEST_DOCKER_HOST  unix:// address of the private engine (fixtures reuse it)
#   KOLLA_TEST_PODMAN_HOST  unix:// address of the private Podman API service, when podman is installed
#   KOLLA_TEST_RUN_DIR      directory for everything a fixture starts (sshd's, namespace hosts)
# Set CI=true to make integration tests fail, not skip, when a component is missing (.ci/run does).
set -euo pipefail

if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        keep=("PATH=$PATH")
        for var in CI DOTNET_ROOT DOTNET_CLI_HOME NUGET_PACKAGES TMPDIR; do
            [[ -n "${!var:-}" ]] && keep+=("$var=${!var}")
        done
        exec sudo -- env "${keep[@]}" bash "$0" "$@"
    fi
    echo "test.sh: must run as root (it installs packages, starts dockerd/sshd and creates network namespaces), and sudo is not available" >&2
    exit 1
fi

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
infra="$repo/tests/infra"
started=$SECONDS
run_root=${TMPDIR:-/tmp}/kolla-test
run_dir="$run_root/s$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
log="$repo/artifacts/test.log"
status=1

# shellcheck disable=SC2317 # called from the EXIT trap
summary() {
    local passed=0 failed=0 skipped=0 assemblies=0 line p f s
    if [[ -f "$log" ]]; then
        # VSTest prints one line per test assembly:
        #   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ... - X.dll (net10.0)
        while IFS= read -r line; do
            f=$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' <<<"$line")
            p=$(sed -n 's/.*Passed: *\([0-9]*\),.*/\1/p' <<<"$line")
            s=$(sed -n 's/.*Skipped: *\([0-9]*\),.*/\1/p' <<<"$line")
            passed=$((passed + ${p:-0}))
            failed=$((failed + ${f:-0}))
            skipped=$((skipped + ${s:-0}))
            assemblies=$((assemblies + 1))
        done < <(grep -E '^[[:space:]]*(Passed|Failed)!' "$log" || true)
    fi
    echo "test.sh: $passed passed, $failed failed, $skipped skipped in $assemblies test assemblies; $((SECONDS - started)) s; exit $status"
}

# shellcheck disable=SC2317 # the EXIT trap
finish() {
    local rc=$?
    # dotnet test's status wins; otherwise the status of whatever failed before it ran.
    [[ "${tests_ran:-}" == yes ]] || status=$rc
    trap - EXIT INT TERM
    if [[ -n "${test_group:-}" && "${tests_ran:-}" != yes ]] && kill -0 -- "-$test_group" 2>/dev/null; then
        echo "test.sh: interrupted; stopping dotnet test (process group $test_group)"
        kill -TERM -- "-$test_group" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 -- "-$test_group" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$test_group" 2>/dev/null || true
    fi
    echo "test.sh: stopping what this run started"
    bash "$infra/cleanup.sh" "$run_dir" --purge
    summary
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$run_dir" "$(dirname "$log")"
rm -f "$log"
echo $$ >"$run_dir/owner.pid"

bash "$infra/install-packages.sh"
bash "$infra/sweep-stale.sh" "$run_root"

# The SSH tests log in as this user, and sshd runs every remote command through the login shell. Where that
# shell's rc file runs `pyenv init` (as root's does on these machines), a shell killed during `pyenv rehash`
# leaves rehash's lock file behind and every later login waits on it until the tests time out. A lock older
# than a minute belongs to no running rehash.
pyenv_lock="${PYENV_ROOT:-$HOME/.pyenv}/shims/.pyenv-shim"
if [[ -f $pyenv_lock ]] && [[ -n $(find "$pyenv_lock" -mmin +1 2>/dev/null) ]]; then
    echo "test.sh: removing a stale pyenv rehash lock ($pyenv_lock)"
    rm -f "$pyenv_lock"
fi

echo "test.sh: [+$((SECONDS - started)) s] starting a private Docker engine in $run_dir/engine"
docker_host=$(bash "$infra/start-dockerd.sh" "$run_dir/engine")
echo "test.sh: [+$((SECONDS - started)) s] building the test image on $docker_host"
bash "$infra/build-test-image.sh" "$docker_host"

export KOLLA_TEST_DOCKER_HOST=$docker_host
# Podman (the podman converge tests) when installed; without it they skip, saying why.
if command -v podman >/dev/null 2>&1; then
    echo "test.sh: [+$((SECONDS - started)) s] starting a private Podman API service in $run_dir/podman"
    podman_host=$(bash "$infra/start-podman.sh" "$run_dir/podman")
    bash "$infra/build-test-image.sh" "$podman_host"
    export KOLLA_TEST_PODMAN_HOST=$podman_host
fi
export KOLLA_TEST_RUN_DIR=$run_dir
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cd "$repo"
echo "test.sh: [+$((SECONDS - started)) s] building the solution"
dotnet build Kolla.sln -c Release --disable-build-servers -nologo -v quiet -clp:NoSummary
# The native kolla (NativeCliTests compares it with the managed CLI): published here, alone, because the native
# compiler is slow when it shares the two cores with the running tests; the test reuses it while it is current.
echo "test.sh: [+$((SECONDS - started)) s] publishing the native kolla (scripts/publish.sh)"
bash "$repo/scripts/publish.sh" >/dev/null

# In the background, in its own process group, so an interrupt is handled at once (bash runs traps only
# between foreground commands) and stops dotnet test, vstest and the test hosts together. (This script
# runs without job control, so setsid does not fork and $! is dotnet test, the group's leader.)
# Each assembly's results, with every test's duration, go to artifacts/test-results/*.trx (what to trim when the
# suite grows slow).
rm -rf "$repo/artifacts/test-results"
echo "test.sh: [+$((SECONDS - started)) s] running the tests"
setsid dotnet test Kolla.sln -c Release --no-build -nologo \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    --logger trx --results-directory "$repo/artifacts/test-results" "$@" >"$log" 2>&1 &
test_group=$!
# Show the output as it comes; tail ends by itself once dotnet test has exited and all is shown.
tail -n +1 --pid="$test_group" -f "$log" &
tail_pid=$!
set +e
wait "$test_group"
status=$?
wait "$tail_pid"
set -e
tests_ran=yes
exit "$status"
