#!/bin/bash
# keystone-ssh hooks, sourced by kolla_start: host keys are made per container on its first start
# (none ship in the image) and sshd needs its privilege separation directory.
mkdir -p /run/sshd
chmod 0755 /run/sshd
if ! ls /etc/ssh/ssh_host_*_key >/dev/null 2>&1; then
    ssh-keygen -A
fi
