#!/usr/bin/env bash
# Build the busybox test image on a Docker engine, with no registry:
#   FROM scratch + /bin/busybox from busybox-static + `busybox --install -s /bin`,
# tagged with every name in test-image.tags (service-like names such as kolla-test/keystone:test).
#
#   build-test-image.sh DOCKER_HOST
#
# Idempotent: when every tag already exists nothing is built.
set -euo pipefail

host=${1:?usage: build-test-image.sh DOCKER_HOST}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
busybox=/bin/busybox

mapfile -t tags < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/test-image.tags")
primary=${tags[0]}

if [[ ! -x "$busybox" ]]; then
    echo "build-test-image.sh: $busybox is missing; install with: apt-get install -y busybox-static" >&2
    exit 3
fi
# The dynamically linked busybox (package busybox) would not run in a FROM scratch image.
if ldd "$busybox" >/dev/null 2>&1; then
    echo "build-test-image.sh: $busybox is not statically linked; install with: apt-get install -y busybox-static" >&2
    exit 3
fi

have_all=true
for tag in "${tags[@]}"; do
    if ! docker -H "$host" image inspect --format '{{.Id}}' "$tag" >/dev/null 2>&1; then
        have_all=false
        break
    fi
done
if $have_all; then
    exit 0
fi

ctx=$(mktemp -d /tmp/kolla-test-image.XXXXXX)
trap 'rm -rf "$ctx"' EXIT
cp "$busybox" "$ctx/busybox"
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /etc /root /var/log && chmod 1777 /tmp \
 && echo 'root:x:0:0:root:/root:/bin/sh' >/etc/passwd && echo 'root:x:0:' >/etc/group
CMD ["/bin/sh"]
DOCKERFILE

tag_args=()
for tag in "${tags[@]}"; do
    tag_args+=(--tag "$tag")
done
# The legacy builder needs neither BuildKit nor a registry.
if ! DOCKER_BUILDKIT=0 docker -H "$host" build --quiet --label kolla.test.image=busybox "${tag_args[@]}" "$ctx" \
    >"$ctx/build.log" 2>&1; then
    cat "$ctx/build.log" >&2
    echo "build-test-image.sh: docker build failed on $host" >&2
    exit 4
fi
docker -H "$host" image inspect --format '{{.Id}}' "$primary" >/dev/null
