#!/usr/bin/env bash
# Container-spec oracle: what kolla-ansible itself renders for each container of the catalogue's services,
# host by host: every enabled `<role>_services` entry mapped to the host (kolla-ansible's own
# select_services_enabled_and_mapped_to_host filter), with the keys a container is made from (image, volumes,
# environment, healthcheck, dimensions, privileged, pid/ipc/cgroupns modes, labels, ...) rendered by the real
# ansible-core from upstream's role defaults, role vars and group_vars, the inputs' globals and the pinned facts.
#
# usage: container-specs.sh --configdir DIR -i INVENTORY --output DIR [--facts DIR] [--work DIR]
#   --configdir  globals.yml + passwords.yml (as for kolla-ansible)
#   -i           inventory
#   --output     written: OUTPUT/<inventory_hostname>.json, plus OUTPUT/_oracle/ (facts, logs)
#   --facts      an Ansible jsonfile fact cache to use instead of pinning this machine's facts
#                (e.g. the _oracle/facts of an earlier genconfig oracle run, to compare with its files)
#   --work       the oracle's cache (default: ${TMPDIR:-/tmp}/kolla-ansible-oracle, shared with run.sh)
# env: KA_ORACLE (default ../../../shared/tools/kolla-ansible-oracle/run.sh beside this repository, or
#      /work/shared/tools/kolla-ansible-oracle/run.sh), KA_PIN_FACTS (default processor_vcpus=8,memtotal_mb=5120)
#
# How: run.sh (the genconfig oracle) prepares kolla-ansible's tree, ansible-core and, with --pin-facts, the fact
# cache, running no role (--tags of a tag nothing carries). Then one play per role loads the role's own defaults
# and vars as a role does (a stand-in role whose defaults/ and vars/ are upstream's, so precedence is upstream's)
# and writes the selected service dicts as JSON, with the role's bootstrap one-shots (kolla_container's arguments in
# tasks/bootstrap*.yml, nova's map_cell0.yml and create_cells.yml: first-deploy path). Output per host:
#   {"docker_common_options": {...}, "enable_container_healthchecks": bool,
#    "services": {"<role>": {"<service key>": {"container_name": ..., "image": ..., ...}}},
#    "bootstraps": [{"args": {kolla_container's arguments}, "where": {"when": ..., "run_once": ..., "file": ...}}]}
set -euo pipefail

die() { echo "container-specs.sh: $*" >&2; exit 1; }
HERE="$(cd "$(dirname "$0")" && pwd)"
CONFIGDIR=""; INVENTORY=""; OUTPUT=""; FACTS=""; WORK="${TMPDIR:-/tmp}/kolla-ansible-oracle"
while [ $# -gt 0 ]; do
  case "$1" in
    --configdir) CONFIGDIR="$2"; shift 2;;
    -i|--inventory) INVENTORY="$2"; shift 2;;
    --output|-o) OUTPUT="$2"; shift 2;;
    --facts) FACTS="$2"; shift 2;;
    --work) WORK="$2"; shift 2;;
    -h|--help) sed -n '2,25p' "$0"; exit 0;;
    *) die "unknown argument: $1";;
  esac
done
[ -n "$CONFIGDIR" ] && [ -n "$INVENTORY" ] && [ -n "$OUTPUT" ] || die "give --configdir, -i and --output"
ORACLE="${KA_ORACLE:-}"
if [ -z "$ORACLE" ]; then
  for c in "$HERE/../../../shared/tools/kolla-ansible-oracle/run.sh" /work/shared/tools/kolla-ansible-oracle/run.sh; do
    [ -f "$c" ] && { ORACLE="$c"; break; }
  done
fi
[ -n "$ORACLE" ] && [ -f "$ORACLE" ] || die "the genconfig oracle (run.sh) was not found; set KA_ORACLE"
CONFIGDIR="$(cd "$CONFIGDIR" && pwd)"; INVENTORY="$(cd "$(dirname "$INVENTORY")" && pwd)/$(basename "$INVENTORY")"
mkdir -p "$OUTPUT"; OUTPUT="$(cd "$OUTPUT" && pwd)"
rm -rf "$OUTPUT/_oracle" "$OUTPUT"/*.json

# 1. kolla-ansible's tree, ansible-core and the pinned fact cache, through the genconfig oracle (no role runs)
RUN="$OUTPUT/_oracle/run"; mkdir -p "$OUTPUT/_oracle"
bash "$ORACLE" --work "$WORK" --configdir "$CONFIGDIR" --output "$RUN" -i "$INVENTORY" \
  --pin-facts "${KA_PIN_FACTS:-processor_vcpus=8,memtotal_mb=5120}" -- --tags kolla-container-specs-no-role \
  2> "$OUTPUT/_oracle/run.log" || { tail -20 "$OUTPUT/_oracle/run.log" >&2; die "run.sh failed"; }
SITE="$(sed -n 's/^command: .* \([^ ]*\/ansible\/site\.yml\)$/\1/p' "$RUN/_oracle/info.txt")"
SRC="$(dirname "$(dirname "$SITE")")"
[ -f "$SRC/ansible/site.yml" ] || die "kolla-ansible's tree not found (from $RUN/_oracle/info.txt)"
read -r VERSION PY < <(sed -n 's/^ansible-core: \([^ ]*\) (python \([^)]*\))$/\1 \2/p' "$RUN/_oracle/info.txt")
SITEPKG=""
if [ "$("$PY" -c 'import ansible.release as r; print(r.__version__)' 2>/dev/null || true)" != "$VERSION" ]; then
  for d in "$WORK"/ansible-*/usr/lib/python3/dist-packages; do
    [ -d "$d/ansible_core-$VERSION.dist-info" ] && { SITEPKG="$d"; break; }
  done
  [ -n "$SITEPKG" ] || die "ansible-core $VERSION not found under $WORK"
  export ANSIBLE_COLLECTIONS_PATH="$SITEPKG"
fi
export PYTHONPATH="${SITEPKG:+$SITEPKG:}$SRC${PYTHONPATH:+:$PYTHONPATH}"
if [ -z "$FACTS" ]; then FACTS="$RUN/_oracle/facts"; fi
[ -d "$FACTS" ] || die "no fact cache: $FACTS"
cp -r "$FACTS" "$OUTPUT/_oracle/facts"   # a copy: the jsonfile cache may be written back

# 2. a playbook beside upstream's group_vars and plugins, with a stand-in role per upstream role
PLAY="$OUTPUT/_oracle/play"; mkdir -p "$PLAY/roles" "$PLAY/filter_plugins"
for d in group_vars library module_utils action_plugins; do ln -s "$SRC/ansible/$d" "$PLAY/$d"; done
for f in "$SRC"/ansible/filter_plugins/*.py; do ln -s "$f" "$PLAY/filter_plugins/"; done
cp "$HERE/container-specs/container_specs.py" "$PLAY/filter_plugins/"
# role; services variable; condition of the play that applies it in site.yml / nova.yml / mariadb.yml / rabbitmq.yml
#      ; the vars that play gives the role (a YAML flow mapping)
ROLES=(
  "kolla_toolbox;kolla_toolbox_services;true"
  "cron;cron_services;true"
  "fluentd;fluentd_services;enable_fluentd | bool"
  "loadbalancer;loadbalancer_services;enable_loadbalancer | bool"
  "mariadb;mariadb_services;enable_mariadb | bool"
  "memcached;memcached_services;enable_memcached | bool"
  "rabbitmq;rabbitmq_services;enable_rabbitmq | bool;{role_rabbitmq_cluster_cookie: '{{ rabbitmq_cluster_cookie }}', role_rabbitmq_cluster_port: '{{ rabbitmq_cluster_port }}', role_rabbitmq_epmd_port: '{{ rabbitmq_epmd_port }}', role_rabbitmq_groups: rabbitmq, role_rabbitmq_management_port: '{{ rabbitmq_management_port }}', role_rabbitmq_monitoring_password: '{{ rabbitmq_monitoring_password }}', role_rabbitmq_monitoring_user: '{{ rabbitmq_monitoring_user }}', role_rabbitmq_password: '{{ rabbitmq_password }}', role_rabbitmq_port: '{{ rabbitmq_port }}', role_rabbitmq_prometheus_port: '{{ rabbitmq_prometheus_port }}', role_rabbitmq_user: '{{ rabbitmq_user }}'}"
  "keystone;keystone_services;enable_keystone | bool"
  "glance;glance_services;enable_glance | bool"
  "placement;placement_services;enable_placement | bool"
  "openvswitch;openvswitch_services;enable_openvswitch | bool and not enable_ovs_dpdk | bool"
  "nova;nova_services;enable_nova | bool"
  "nova-cell;nova_cell_services;enable_nova | bool"
  "neutron;neutron_services;enable_neutron | bool"
  "horizon;horizon_services;enable_horizon | bool"
)
cat > "$PLAY/specs.yml" <<EOF
---
- name: Container specs, common values
  hosts: all
  gather_facts: false
  tasks:
    - name: Write the values every container shares
      ansible.builtin.copy:
        dest: "$OUTPUT/_oracle/{{ inventory_hostname }}/_common.json"
        content: "{{ {'docker_common_options': docker_common_options | container_common_options,
                      'enable_container_healthchecks': enable_container_healthchecks | bool} | to_nice_json }}"
        mode: "0644"
EOF
for entry in "${ROLES[@]}"; do
  IFS=';' read -r role var cond vars <<< "$entry"; [ -n "$vars" ] || vars="{}"
  mkdir -p "$PLAY/roles/spec-$role/tasks"
  for d in defaults vars filter_plugins; do
    [ -d "$SRC/ansible/roles/$role/$d" ] && ln -s "$SRC/ansible/roles/$role/$d" "$PLAY/roles/spec-$role/$d"
  done
  echo "---" > "$PLAY/roles/spec-$role/tasks/main.yml"
  if [ "$role" = mariadb ]; then
    # as the mariadb role's tasks/main.yml does first: its services' group is the shard's, made here
    cat >> "$PLAY/roles/spec-$role/tasks/main.yml" <<'EOF'
- name: Put the MariaDB hosts in their shard's group
  ansible.builtin.add_host:
    name: "{{ item }}"
    groups: "{{ hostvars[item]['mariadb_shard_group'] }}"
  loop: "{{ groups['mariadb'] }}"
  changed_when: false

EOF
  fi
  cat >> "$PLAY/roles/spec-$role/tasks/main.yml" <<EOF
- name: Write the $var entries enabled and mapped to this host
  ansible.builtin.copy:
    dest: "$OUTPUT/_oracle/{{ inventory_hostname }}/$role.json"
    content: "{{ ((${var} | select_services_enabled_and_mapped_to_host) if (${cond}) else {}) | container_specs | to_nice_json }}"
    mode: "0644"
EOF
  # the role's bootstrap one-shots (kolla_container start_container in tasks/bootstrap*.yml, and nova's cell0
  # mapping and cell creation), their arguments
  # rendered with the task's own vars; when/run_once/delegate_to (who runs them) are kept as text, not applied
  "$PY" - "$SRC/ansible/roles/$role" "$OUTPUT/_oracle" "$role" "$cond" >> "$PLAY/roles/spec-$role/tasks/main.yml" <<'PYEOF'
import glob, json, os, sys
import yaml
role_dir, out, role, cond = sys.argv[1:5]
def walk(tasks):
    for t in tasks or []:
        if "block" in t:
            yield from walk(t["block"])
        kc = t.get("kolla_container")
        if isinstance(kc, dict) and kc.get("action") == "start_container":
            yield t
# deploy.yml's condition on its bootstrap.yml include (horizon's database backend): whether the role bootstraps at all
deploy_when = []
for t in yaml.safe_load(open(os.path.join(role_dir, "tasks", "deploy.yml"))) or []:
    include = t.get("ansible.builtin.include_tasks") or t.get("ansible.builtin.import_tasks")
    if include == "bootstrap.yml" and t.get("when"):
        deploy_when += t["when"] if isinstance(t["when"], list) else [t["when"]]
tasks, names = [], set()
files = sorted(glob.glob(os.path.join(role_dir, "tasks", "bootstrap*.yml")))
files += [os.path.join(role_dir, "tasks", f) for f in ("map_cell0.yml", "create_cells.yml") if os.path.isfile(os.path.join(role_dir, "tasks", f))]
for f in files:
    for t in walk(yaml.safe_load(open(f))):
        # the first task of a name is the first deploy's (map_cell0.yml and create_cells.yml then update, with
        # settings read back from a running cell)
        if t["kolla_container"].get("name") in names:
            continue
        names.add(t["kolla_container"].get("name"))
        args = {k: v for k, v in t["kolla_container"].items() if k not in ("action", "common_options")}
        where = {k: t[k] for k in ("when", "run_once", "delegate_to") if k in t}
        n = len(tasks)
        tasks.append({
            "name": "Write bootstrap one-shot %d of %s (%s)" % (n, role, t.get("name", "")),
            "vars": dict(t.get("vars") or {}, spec_bootstrap_args=args,
                         spec_bootstrap_where=json.dumps(dict(where, file=os.path.basename(f)))),
            "ansible.builtin.copy": {
                "dest": "%s/{{ inventory_hostname }}/_bootstrap/%s-%d.json" % (out, role, n),
                "content": "{{ {'args': spec_bootstrap_args, 'where': spec_bootstrap_where | from_json} | to_nice_json }}",
                "mode": "0644",
            },
            "when": [cond] + deploy_when,
        })
if tasks:
    print("\n" + yaml.safe_dump(tasks, sort_keys=False, width=1000))
PYEOF
  cat >> "$PLAY/specs.yml" <<EOF

- name: Container specs of $role
  hosts: all
  gather_facts: false
  roles:
    - role: spec-$role
      vars: $vars
EOF
done
while IFS= read -r host; do mkdir -p "$OUTPUT/_oracle/$host/_bootstrap"; done < <(
  "$PY" -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$RUN/_oracle/hostvars.json")

# 3. run it with the genconfig oracle's command line (globals and passwords as extra vars, local connection)
export ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=False ANSIBLE_HOST_KEY_CHECKING=False PBR_VERSION="${PBR_VERSION:-0.0.0}"
export ANSIBLE_LOCAL_TEMP="$WORK/ansible-tmp" ANSIBLE_REMOTE_TEMP="$WORK/ansible-tmp"
export ANSIBLE_CACHE_PLUGIN=jsonfile ANSIBLE_CACHE_PLUGIN_CONNECTION="$OUTPUT/_oracle/facts" ANSIBLE_CACHE_PLUGIN_TIMEOUT=0
ARGS=(--inventory "$INVENTORY" -e "@$CONFIGDIR/globals.yml" -e "@$CONFIGDIR/passwords.yml")
if [ -d "$CONFIGDIR/globals.d" ]; then
  while IFS= read -r f; do ARGS+=(-e "@$f"); done < <(find "$CONFIGDIR/globals.d" -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.json' \) | sort)
fi
ARGS+=(-e kolla_action=deploy -e "CONFIG_DIR=$CONFIGDIR" -e ansible_connection=local -e "ansible_python_interpreter=$PY")
"$PY" -c 'import sys; from ansible.cli.playbook import main; sys.argv[0]="ansible-playbook"; main()' \
  "${ARGS[@]}" "$PLAY/specs.yml" > "$OUTPUT/_oracle/ansible.log" 2>&1 \
  || { grep -B2 -A12 'fatal:\|ERROR' "$OUTPUT/_oracle/ansible.log" | head -60 >&2; die "ansible-playbook failed (log: $OUTPUT/_oracle/ansible.log)"; }

# 4. one document per host
"$PY" - "$OUTPUT" <<'PYEOF'
import json, os, sys
out = sys.argv[1]
root = os.path.join(out, "_oracle")
for host in sorted(os.listdir(root)):
    d = os.path.join(root, host)
    if not os.path.isfile(os.path.join(d, "_common.json")):
        continue
    doc = json.load(open(os.path.join(d, "_common.json")))
    doc["services"] = {}
    for f in sorted(os.listdir(d)):
        if f.endswith(".json") and f != "_common.json":
            doc["services"][f[:-5]] = json.load(open(os.path.join(d, f)))
    doc["bootstraps"] = []
    for f in sorted(os.listdir(os.path.join(d, "_bootstrap"))):
        doc["bootstraps"].append(json.load(open(os.path.join(d, "_bootstrap", f))))
    with open(os.path.join(out, host + ".json"), "w") as fh:
        json.dump(doc, fh, indent=2)
        fh.write("\n")
PYEOF
echo "container-specs.sh: wrote $(ls "$OUTPUT"/*.json | wc -l) host(s) under $OUTPUT" >&2
