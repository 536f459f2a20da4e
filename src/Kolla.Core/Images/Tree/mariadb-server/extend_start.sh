#!/bin/bash
# MariaDB hooks, sourced by kolla_start.
#   KOLLA_BOOTSTRAP (DB_ROOT_PASSWORD, DB_MAX_TIMEOUT): initialise an empty data directory, start a
#     private server that forms a new cluster, set the root password for local and remote logins,
#     stop it cleanly, exit 0.
#   BOOTSTRAP_ARGS: extra server arguments for this start (--wsrep-new-cluster on the first member
#     of a new multi-node cluster).

mariadb_wait_for_server() {
    local timeout="${DB_MAX_TIMEOUT:-60}"
    local waited=0
    until mariadb --protocol=socket -uroot "$@" -e "SELECT 1" >/dev/null 2>&1; do
        if [[ ${waited} -ge ${timeout} ]]; then
            echo "MariaDB did not answer within ${timeout} seconds" >&2
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

mariadb_bootstrap() {
    set -o errexit
    if [[ -d /var/lib/mysql/mysql ]]; then
        echo "Data directory already initialised, nothing to bootstrap"
        exit 0
    fi
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db \
        --auth-root-authentication-method=socket >/dev/null
    mariadbd-safe --wsrep-new-cluster &
    mariadb_wait_for_server
    mariadb --protocol=socket -uroot <<SQL
DELETE FROM mysql.global_priv WHERE User = '';
CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '${DB_ROOT_PASSWORD}';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('${DB_ROOT_PASSWORD}');
FLUSH PRIVILEGES;
SQL
    mariadb-admin --protocol=socket -uroot -p"${DB_ROOT_PASSWORD}" shutdown
    # mariadbd-safe returns once the server has stopped and written its Galera state.
    wait || true
    exit 0
}

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    mariadb_bootstrap
fi

if [[ "${!BOOTSTRAP_ARGS[*]}" ]]; then
    ARGS="${BOOTSTRAP_ARGS}"
fi
