#!/usr/bin/env python3
"""Control-plane checks of scripts/e2e.sh (scenario control-plane), through the VIP only.

Standard library only. Inputs (environment): E2E_VIP, E2E_ADMIN_PASSWORD, E2E_COMPUTE_HOST (also the Open vSwitch agent's host).
Prints one line per check with what it measured; exits 1 at the first failure.
"""
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request

VIP = os.environ["E2E_VIP"]
PASSWORD = os.environ["E2E_ADMIN_PASSWORD"]
COMPUTE_HOST = os.environ["E2E_COMPUTE_HOST"]
KEYSTONE = f"http://{VIP}:5000/v3"


class CheckFailed(Exception):
    pass


def request(method, url, token=None, body=None, headers=None, raw=None, expect=(200,)):
    data = None
    all_headers = {"Accept": "application/json"}
    if token:
        all_headers["X-Auth-Token"] = token
    if body is not None:
        data = json.dumps(body).encode()
        all_headers["Content-Type"] = "application/json"
    if raw is not None:
        data = raw
        all_headers["Content-Type"] = "application/octet-stream"
    all_headers.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            status, payload, response_headers = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, payload, response_headers = error.code, error.read(), error.headers
    if status not in expect:
        raise CheckFailed(f"{method} {url} answered {status}: {payload[:300]!r}")
    return status, payload, response_headers


def as_json(payload):
    return json.loads(payload) if payload else {}


def wait_for(what, probe, timeout, interval=3):
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise CheckFailed(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def check_keystone():
    body = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"name": "Default"}, "password": PASSWORD}}},
        "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
    status, payload, headers = request("POST", f"{KEYSTONE}/auth/tokens", body=body, expect=(201,))
    token = headers["X-Subject-Token"]
    catalog = as_json(payload)["token"]["catalog"]
    endpoints = {}
    for service in catalog:
        for endpoint in service["endpoints"]:
            if endpoint["interface"] == "public":
                endpoints[service["type"]] = endpoint["url"].rstrip("/")
    missing = [kind for kind in ("identity", "image", "placement", "compute", "network") if kind not in endpoints]
    if missing:
        raise CheckFailed(f"catalogue lacks {missing}: {sorted(endpoints)}")
    for kind, url in endpoints.items():
        if f"//{VIP}:" not in url:
            raise CheckFailed(f"the {kind} endpoint {url} is not on the VIP {VIP}")
    print(f"Keystone: token {token[:12]}... (HTTP {status}) through {VIP}:5000; catalogue: "
          + ", ".join(f"{kind} {endpoints[kind]}" for kind in ("image", "placement", "compute", "network")))
    return token, endpoints


def check_glance(token, glance):
    content = os.urandom(64 * 1024)
    sent = hashlib.md5(content).hexdigest()  # noqa: S324 (glance's checksum is an MD5)
    _, payload, _ = request("POST", f"{glance}/v2/images", token, body={
        "name": "e2e-image", "disk_format": "raw", "container_format": "bare", "visibility": "private"},
        expect=(201,))
    image = as_json(payload)["id"]
    request("PUT", f"{glance}/v2/images/{image}/file", token, raw=content, expect=(204,))
    _, payload, _ = request("GET", f"{glance}/v2/images/{image}", token)
    described = as_json(payload)
    _, downloaded, _ = request("GET", f"{glance}/v2/images/{image}/file", token,
                               headers={"Accept": "application/octet-stream"})
    received = hashlib.md5(downloaded).hexdigest()  # noqa: S324
    if received != sent or described.get("checksum") != sent or described.get("status") != "active":
        raise CheckFailed(f"Glance: sent md5 {sent}, got {received}, image says {described.get('checksum')} "
                          f"({described.get('status')})")
    print(f"Glance: image {image} uploaded ({len(content)} bytes) and downloaded, md5 {received} both ways, "
          f"status {described['status']}")
    return image


NOVA_HEADERS = {"OpenStack-API-Version": "compute 2.53", "X-OpenStack-Nova-API-Version": "2.53"}


def compute_node(token, nova):
    """The hypervisor (compute node) of the compute host's nova-compute, once it is up."""
    def hypervisor():
        _, payload, _ = request("GET", f"{nova}/os-hypervisors/detail", token, headers=NOVA_HEADERS)
        found = [h for h in as_json(payload)["hypervisors"]
                 if h.get("service", {}).get("host") == COMPUTE_HOST and h.get("state") == "up"]
        return found[0] if found else None

    return wait_for(f"an up hypervisor of {COMPUTE_HOST}", hypervisor, 240)


def check_placement(token, placement, node):
    # A compute node's resource provider has the node's UUID (the hypervisor id from compute 2.53).
    headers = {"OpenStack-API-Version": "placement 1.10"}

    def provider():
        status, payload, _ = request("GET", f"{placement}/resource_providers/{node['id']}", token, headers=headers,
                                     expect=(200, 404))
        return as_json(payload) if status == 200 else None

    found = wait_for(f"resource provider {node['id']}", provider, 180)
    _, payload, _ = request("GET", f"{placement}/resource_providers/{found['uuid']}/inventories", token,
                            headers=headers)
    inventories = as_json(payload)["inventories"]
    print(f"Placement: resource provider {found['name']} ({found['uuid']}) for compute host {COMPUTE_HOST}, "
          + ", ".join(f"{kind}={value['total']}" for kind, value in sorted(inventories.items())))


def check_nova(token, nova, image, node):
    headers = NOVA_HEADERS
    hypervisors = [f"{node['hypervisor_hostname']} on {COMPUTE_HOST}"]
    _, payload, _ = request("POST", f"{nova}/flavors", token, headers=headers, body={"flavor": {
        "name": f"e2e-tiny-{os.getpid()}", "ram": 64, "vcpus": 1, "disk": 1}})
    flavor = as_json(payload)["flavor"]["id"]
    _, payload, _ = request("POST", f"{nova}/servers", token, headers=headers, expect=(202,), body={"server": {
        "name": "e2e-server", "imageRef": image, "flavorRef": flavor, "networks": "none"}})
    server = as_json(payload)["server"]["id"]

    def status():
        _, payload, _ = request("GET", f"{nova}/servers/{server}", token, headers=headers)
        described = as_json(payload)["server"]
        if described["status"] == "ERROR":
            raise CheckFailed(f"Nova: server {server} went to ERROR: {described.get('fault')}")
        return described if described["status"] == "ACTIVE" else None

    started = time.monotonic()
    described = wait_for(f"server {server} ACTIVE", status, 300)
    elapsed = time.monotonic() - started
    print(f"Nova: flavor {flavor}, server {server} ACTIVE on {described.get('OS-EXT-SRV-ATTR:host', '?')} "
          f"after {elapsed:.0f}s (hypervisors {', '.join(hypervisors)}, networks none)")
    request("DELETE", f"{nova}/servers/{server}", token, headers=headers, expect=(204,))

    def gone():
        status_code, _, _ = request("GET", f"{nova}/servers/{server}", token, headers=headers, expect=(200, 404))
        return status_code == 404

    wait_for(f"server {server} deleted", gone, 180)
    request("DELETE", f"{nova}/flavors/{flavor}", token, headers=headers, expect=(202,))
    print(f"Nova: server {server} deleted, flavor {flavor} deleted")


def check_neutron_agent(token, neutron):
    def alive():
        _, payload, _ = request("GET", f"{neutron}/v2.0/agents?binary=neutron-openvswitch-agent", token)
        agents = as_json(payload)["agents"]
        return [a for a in agents if a["alive"] and a["host"] == COMPUTE_HOST]

    agent = wait_for(f"the Open vSwitch agent of {COMPUTE_HOST} alive in Neutron", alive, 180)[0]
    bridges = agent.get("configurations", {}).get("bridge_mappings", {})
    print(f"Neutron: Open vSwitch agent {agent['id']} on {agent['host']} alive "
          f"(bridge mappings {bridges}, tunnel types {agent.get('configurations', {}).get('tunnel_types')})")


def check_neutron(token, neutron):
    _, payload, _ = request("POST", f"{neutron}/v2.0/networks", token, expect=(201,), body={"network": {
        "name": "e2e-net"}})
    network = as_json(payload)["network"]["id"]
    _, payload, _ = request("POST", f"{neutron}/v2.0/subnets", token, expect=(201,), body={"subnet": {
        "name": "e2e-subnet", "network_id": network, "ip_version": 4, "cidr": "192.0.2.0/24"}})
    subnet = as_json(payload)["subnet"]["id"]
    _, payload, _ = request("GET", f"{neutron}/v2.0/networks?name=e2e-net", token)
    networks = [n["id"] for n in as_json(payload)["networks"]]
    _, payload, _ = request("GET", f"{neutron}/v2.0/subnets?network_id={network}", token)
    subnets = [s["id"] for s in as_json(payload)["subnets"]]
    if networks != [network] or subnets != [subnet]:
        raise CheckFailed(f"Neutron: listed networks {networks}, subnets {subnets}")
    print(f"Neutron: network {network} and subnet {subnet} (192.0.2.0/24) created and listed")
    request("DELETE", f"{neutron}/v2.0/subnets/{subnet}", token, expect=(204,))
    request("DELETE", f"{neutron}/v2.0/networks/{network}", token, expect=(204,))


def check_horizon():
    status, payload, _ = request("GET", f"http://{VIP}/auth/login/", headers={"Accept": "text/html"})
    if b"csrfmiddlewaretoken" not in payload:
        raise CheckFailed("Horizon: the login page has no login form")
    print(f"Horizon: http://{VIP}/auth/login/ answered HTTP {status} with the login form ({len(payload)} bytes)")


def main():
    try:
        token, endpoints = check_keystone()
        image = check_glance(token, endpoints["image"])
        node = compute_node(token, endpoints["compute"])
        check_placement(token, endpoints["placement"], node)
        check_nova(token, endpoints["compute"], image, node)
        request("DELETE", f"{endpoints['image']}/v2/images/{image}", token, expect=(204,))
        check_neutron_agent(token, endpoints["network"])
        check_neutron(token, endpoints["network"])
        check_horizon()
    except CheckFailed as failure:
        print(f"E2E check failed: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
