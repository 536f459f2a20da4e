#!/bin/bash
# healthcheck.sh [--defaults-file FILE] [--connect] [--galera_online] [--innodb_initialized]
# Healthy when every requested test passes:
#   --connect            the server accepts a login (credentials from the defaults file)
#   --galera_online      the node is synced with its Galera cluster (or a donor)
#   --innodb_initialized InnoDB finished starting
# Without tests, --connect is assumed.
set -o pipefail

defaults=()
tests=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --defaults-file) defaults=("--defaults-file=$2"); shift 2 ;;
        --defaults-file=*) defaults=("$1"); shift ;;
        --connect|--galera_online|--innodb_initialized) tests+=("${1#--}"); shift ;;
        *) echo "healthcheck.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ ${#tests[@]} -eq 0 ]]; then
    tests=(connect)
fi

query() {
    mariadb "${defaults[@]}" --protocol=socket --connect-timeout=5 -N -B -e "$1"
}

status_value() {
    query "SHOW GLOBAL STATUS LIKE '$1'" | awk '{print $2}'
}

for test in "${tests[@]}"; do
    case "${test}" in
        connect)
            if ! query "SELECT 1" >/dev/null; then
                echo "healthcheck.sh: cannot connect" >&2
                exit 1
            fi
            ;;
        galera_online)
            state="$(status_value wsrep_local_state)" || exit 1
            # 4 = Synced, 2 = Donor/Desynced.
            if [[ "${state}" != "4" && "${state}" != "2" ]]; then
                echo "healthcheck.sh: Galera state is '${state}', not synced" >&2
                exit 1
            fi
            ;;
        innodb_initialized)
            if [[ -z "$(query "SELECT 1 FROM information_schema.ENGINES WHERE engine = 'InnoDB' AND support IN ('YES', 'DEFAULT')")" ]]; then
                echo "healthcheck.sh: InnoDB not initialised" >&2
                exit 1
            fi
            ;;
    esac
done
exit 0
