#!/usr/bin/python3
"""Reference merges for the differential tests, built on the real parsers kolla-ansible uses.

INI: oslo_config.iniparser.BaseParser (Debian's python3-oslo.config) does the line parsing; the layering on top
follows kolla-ansible's merge_configs as described in KOLLA-REFERENCE-A section 1 (written for these tests).
YAML: PyYAML's safe_load and dump, with merge_yaml's deep merge (section 2).

Usage:
  kolla_merge_oracle.py --batch < cases.json > results.json
  kolla_merge_oracle.py --time ROUNDS FILE...      (times the INI merge of FILE... in MB/s)
"""
import io
import json
import sys
import time

from oslo_config import iniparser
import yaml

ORPHAN = object()  # section key for assignments before any header


class LayerParser(iniparser.BaseParser):
    """Parses one source into {section: {key: [occurrence, ...]}}, both dicts in first-seen order."""

    def __init__(self):
        self.layer = {}
        self.current = None

    def new_section(self, section):
        self.current = self.layer.setdefault(section, {})

    def assignment(self, key, value):
        if self.current is None:
            self.current = self.layer.setdefault(ORPHAN, {})
        if value == ['']:
            value = []
        self.current.setdefault(key, []).append(value)


def ini_merge(sources, whitespace):
    merged = {}
    for source in sources:
        if source.get('text') is None:
            continue
        parser = LayerParser()
        try:
            # Universal newlines, as open(path, 'r') reads a file.
            parser.parse(io.StringIO(source['text'], newline=None))
        except iniparser.ParseError as e:
            return {'error': {'source': source['name'], 'line': e.lineno, 'message': e.msg}}
        for section, keys in parser.layer.items():
            target = merged.setdefault(section, {})
            for key, occurrences in keys.items():
                target[key] = occurrences
    return {'output': ini_write(merged, whitespace)}


def ini_write(merged, whitespace):
    ws = ' ' if whitespace else ''
    out = []
    for section, keys in merged.items():
        if section is not ORPHAN:
            out.append('[%s]\n' % section)
        for key, occurrences in keys.items():
            indent = ' ' * (len(key) + 2 * len(ws) + 1)
            for lines in occurrences:
                if not lines:
                    out.append('%s%s=\n' % (key, ws))
                    continue
                out.append('%s%s=%s%s\n' % (key, ws, ws, lines[0]))
                for line in lines[1:]:
                    out.append('%s%s\n' % (indent, line))
        out.append('\n')
    return ''.join(out)


def yaml_merge(sources, extend_lists, width):
    output = {}
    for source in sources:
        if source.get('text') is None:
            continue
        try:
            loaded = yaml.safe_load(source['text']) or {}
            deep_merge(output, loaded, extend_lists)
        except Exception as e:  # kolla crashes here; the tests only need to know that it failed, and where
            return {'error': {'source': source['name'], 'type': type(e).__name__, 'message': str(e)}}
    return {'output': yaml.dump(output, default_flow_style=False, width=width)}


def deep_merge(acc, new, extend_lists):
    for key, value in new.items():
        if isinstance(value, dict):
            acc[key] = deep_merge(acc.get(key, {}), value, extend_lists)
        elif extend_lists and key in acc and isinstance(acc[key], list):
            if not isinstance(value, list):
                raise TypeError('expected a list to extend %r' % (key,))
            acc[key].extend(value)
        else:
            acc[key] = value
    return acc


def batch():
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        if case.get('kind') == 'yaml':
            results.append(yaml_merge(case['sources'], case.get('extend_lists', False), case.get('width')))
        else:
            results.append(ini_merge(case['sources'], case.get('whitespace', True)))
    json.dump(results, sys.stdout)


def timing(rounds, paths):
    sources = []
    for path in paths:
        with open(path, 'r') as f:
            sources.append({'name': path, 'text': f.read()})
    total = sum(len(s['text'].encode('utf-8')) for s in sources)
    ini_merge(sources, True)
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(rounds):
        ini_merge(sources, True)
    elapsed = (time.perf_counter() - start) / rounds
    cpu = (time.process_time() - cpu_start) / rounds
    print('%d bytes in %d sources: wall %.3f ms per merge (%.1f MB/s), cpu %.3f ms (%.1f MB/s)'
          % (total, len(sources), elapsed * 1e3, total / elapsed / 1e6, cpu * 1e3, total / cpu / 1e6))


if __name__ == '__main__':
    if sys.argv[1:2] == ['--batch']:
        batch()
    elif sys.argv[1:2] == ['--time']:
        timing(int(sys.argv[2]), sys.argv[3:])
    else:
        sys.exit(__doc__)
