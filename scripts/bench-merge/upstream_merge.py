#!/usr/bin/python3
"""Runs kolla-ansible's own merge_configs code on files, as one process: the anchor of scripts/bench-merge.sh.

  upstream_merge.py MERGE_CONFIGS_PY OUTPUT SOURCE...

Loads the action plugin file from the kolla-ansible source (not copied here) and does what its ActionModule does
for a task: read_config() for each readable source (open, read, parse through OverrideConfigParser), then write()
into a StringIO and the text to a file. Left out: Ansible's templating of each source (Jinja; the benchmark stack
has no template syntax) and the copy action that ships the file. Ansible itself is not needed: the plugin's two
Ansible imports are given empty stand-ins, since only the parser class is used.
"""
import importlib.util
import io
import os
import sys
import types


def load(path):
    ansible = types.ModuleType("ansible")
    ansible.constants = types.ModuleType("ansible.constants")
    plugins = types.ModuleType("ansible.plugins")
    plugins.action = types.ModuleType("ansible.plugins.action")
    plugins.action.ActionBase = object
    ansible.plugins = plugins
    sys.modules.update({"ansible": ansible, "ansible.constants": ansible.constants,
                        "ansible.plugins": plugins, "ansible.plugins.action": plugins.action})
    spec = importlib.util.spec_from_file_location("merge_configs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    plugin, output, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    module = load(plugin)
    config = module.OverrideConfigParser(whitespace=True)
    for source in sources:
        if os.access(source, os.R_OK):
            with open(source, "r") as f:
                data = f.read()
            fakefile = io.StringIO(data)
            config.parse(fakefile)
            fakefile.close()
    fakefile = io.StringIO()
    config.write(fakefile)
    with open(output, "w") as f:
        f.write(fakefile.getvalue())


if __name__ == "__main__":
    main()
