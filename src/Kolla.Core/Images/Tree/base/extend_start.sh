#!/bin/bash
# Sourced by kolla_start before the service command runs (service images replace this file).
# Images without hooks only make sure the shared log directory exists.
if [[ ! -d /var/log/kolla ]]; then
    mkdir -p /var/log/kolla
fi
