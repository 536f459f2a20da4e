# Filters of the container-spec oracle (tests/parity/container-specs.sh): pick, from kolla-ansible's service
# dicts, the keys a container is created from, so nothing else in them (haproxy, wsgi, ...) is rendered.

# Keys kolla_container takes from a service dict (the role handlers pass them through).
SPEC_KEYS = (
    "container_name", "image", "command", "volumes", "environment", "healthcheck", "dimensions", "privileged",
    "pid_mode", "ipc_mode", "cgroupns_mode", "labels", "cap_add", "security_opt", "tmpfs", "user",
    "restart_policy", "volumes_from",
)

# Keys that only place or describe a service: not part of the container.
PLACEMENT_KEYS = ("group", "enabled", "host_in_groups", "haproxy", "wsgi", "iterate", "iterate_var")


def container_specs(services):
    result = {}
    for key in services:
        service = services[key]
        spec = {k: service[k] for k in SPEC_KEYS if k in service}
        others = sorted(k for k in service if k not in SPEC_KEYS and k not in PLACEMENT_KEYS)
        if others:
            spec["_other_keys"] = others
        result[key] = spec
    return result


def container_common_options(options):
    return {k: options[k] for k in ("environment", "restart_policy", "restart_retries", "graceful_timeout")
            if k in options}


class FilterModule(object):
    def filters(self):
        return {
            "container_specs": container_specs,
            "container_common_options": container_common_options,
        }
