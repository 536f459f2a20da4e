#!/bin/bash
# Memcached hooks, sourced by kolla_start. memcached refuses to run as root without -u: when the
# container runs as root the daemon drops to the memcached user.
if [[ "$(id -u)" == "0" ]]; then
    ARGS="${ARGS:+${ARGS} }-u memcached"
fi
