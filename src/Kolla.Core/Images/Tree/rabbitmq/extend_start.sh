#!/bin/bash
# RabbitMQ hooks, sourced by kolla_start.
#   RABBITMQ_CLUSTER_COOKIE: written as the Erlang cookie of the node (the data volume keeps it).
#   KOLLA_BOOTSTRAP: only write the cookie, exit 0.
if [[ "${!RABBITMQ_CLUSTER_COOKIE[*]}" ]]; then
    cookie=/var/lib/rabbitmq/.erlang.cookie
    rm -f "${cookie}"
    printf '%s' "${RABBITMQ_CLUSTER_COOKIE}" > "${cookie}"
    chown rabbitmq:rabbitmq "${cookie}" 2>/dev/null || true
    chmod 0400 "${cookie}"
fi

if [[ "${!KOLLA_BOOTSTRAP[*]}" ]]; then
    exit 0
fi
