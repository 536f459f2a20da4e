#!/bin/bash

set -o errexit
set -o pipefail
set -o xtrace


exec /usr/sbin/haproxy -W -db -p /run/haproxy.pid -f /etc/haproxy/haproxy.cfg -f /etc/haproxy/services.d/
