#!/usr/bin/env bash
# Point podman at the private store of start-podman.sh DIR (source it: `source podman-env.sh DIR`).
dir=${1:?usage: source podman-env.sh DIR}
export CONTAINERS_CONF="$dir/containers.conf" CONTAINERS_STORAGE_CONF="$dir/storage.conf" TMPDIR="$dir/tmp"
export XDG_RUNTIME_DIR="$dir/runroot/xdg" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
