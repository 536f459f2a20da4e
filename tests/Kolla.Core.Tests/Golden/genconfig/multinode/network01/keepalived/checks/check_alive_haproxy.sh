#!/bin/bash
# Healthy while the local HAProxy answers on its admin socket.
echo "show info" | socat unix-connect:/var/lib/kolla/haproxy/haproxy.sock stdio > /dev/null
