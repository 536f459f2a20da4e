#!/bin/bash
# Horizon hooks, sourced by kolla_start. With COMPRESS_OFFLINE the compressed assets must match the
# settings: static files are collected and compressed again when the settings snippets changed
# since the last start (or FORCE_GENERATE is yes), as the horizon user.
settings_dir=/etc/openstack-dashboard/local_settings.d
stamp=/var/lib/openstack-dashboard/.kolla-settings.sha256
manage=/usr/share/openstack-dashboard/manage.py

as_horizon() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u horizon -- "$@"
    else
        "$@"
    fi
}

current="$(cat /etc/openstack-dashboard/local_settings.py "${settings_dir}"/*.py 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [[ "${FORCE_GENERATE:-no}" == "yes" || ! -f "${stamp}" || "$(cat "${stamp}")" != "${current}" ]]; then
    as_horizon python3 "${manage}" collectstatic --noinput --clear >/dev/null
    as_horizon python3 "${manage}" compress --force >/dev/null
    echo "${current}" > "${stamp}"
fi
if [[ "$(id -u)" == "0" ]]; then
    mkdir -p /var/log/kolla/horizon
    chown horizon:kolla /var/log/kolla/horizon
fi
