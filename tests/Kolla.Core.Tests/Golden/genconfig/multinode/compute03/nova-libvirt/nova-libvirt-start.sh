#!/bin/bash
set -o errexit
set -o pipefail

# nova-compute reaches libvirt over TCP with SASL: (re)create its account before libvirtd starts.
printf '%s\n' 'libvirt_sasl_password-golden' | saslpasswd2 -c -p -a libvirt -f /etc/libvirt/passwd.db nova

exec /usr/local/bin/kolla_nova_libvirt_start
