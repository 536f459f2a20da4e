#!/usr/bin/env python3
"""Writes a deterministic six-layer oslo.config INI stack for the merge benchmark.

  make_stack.py OUTPUT_DIR [TOTAL_BYTES]      (default 14,000,000 bytes over all six files)

Layer 0 (00-template.conf, ~45 % of the bytes) is a service template: a few orphan keys, then thousands of
sections of keys with help comments, multi-line values (continuation lines) and repeated (multi-valued) keys.
Layers 1-5 (01-global.conf ... 05-host-service.conf) are operator overrides: they reopen template sections, replace
keys (sometimes with a multi-line or repeated value), add keys and whole sections, and reopen a section twice in
one file. A few values and keys are not ASCII. Same bytes on every run: a fixed 64-bit LCG, no `random` module.
"""
import os
import sys

WORDS = ["compute", "scheduler", "host", "enabled", "timeout", "driver", "max", "pool", "size", "retry", "interval",
         "backend", "cert", "url", "region", "project", "cpu", "ram", "disk", "weight", "filter", "service", "token",
         "auth", "cache", "memcached", "servers", "policy", "vnc", "proxy", "rabbit", "heartbeat", "quorum", "queue"]
UNICODE = ["café", "Zürich", "naïve", "日本語", "données", "Ωmega"]
NAMES = ["01-global.conf", "02-service.conf", "03-service-component.conf", "04-host.conf", "05-host-service.conf"]


class Lcg:
    def __init__(self, seed):
        self.x = seed & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.x >> 33) % n

    def chance(self, percent):
        return self.below(1000) < percent * 10

    def word(self):
        return WORDS[self.below(len(WORDS))]


def sentence(r, words):
    return " ".join(r.word() for _ in range(words))


def value(r):
    kind = r.below(8)
    if kind == 0:
        return "True" if r.chance(50) else "False"
    if kind == 1:
        return str(r.below(100000))
    if kind == 2:
        return "mysql+pymysql://nova:%s@10.0.%d.%d:3306/nova" % (r.word(), r.below(256), 1 + r.below(254))
    if kind == 3:
        return "rabbit://openstack:%s@10.0.0.%d:5672//" % (r.word(), 1 + r.below(254))
    if kind == 4:
        return "/var/lib/kolla/%s/%s" % (r.word(), r.word())
    if kind == 5 and r.chance(20):
        return "%s %s" % (UNICODE[r.below(len(UNICODE))], r.word())
    return sentence(r, 2 + r.below(4))


def assignment(r, out, key):
    """key = value, sometimes with two or three continuation lines (indented by spaces or a tab)."""
    out.append("%s = %s\n" % (key, value(r)))
    if r.chance(6):
        for _ in range(2 + r.below(2)):
            out.append(("\t" if r.chance(20) else "    ") + value(r) + "\n")


def section_name(index, r):
    base = WORDS[index % len(WORDS)]
    if index % 97 == 5:
        return "filter:%s_%d" % (base, index)
    return "%s_%d" % (base, index)


def template(r, budget, sections):
    out = ["# generated service template\n", "debug = False\n", "log_dir = /var/log/kolla\n", "\n"]
    size = sum(len(s) for s in out)
    index = 0
    while size < budget:
        name = section_name(index, r)
        keys = []
        chunk = ["[%s]\n" % name]
        for i in range(8 + r.below(18)):
            key = "%s_%s_%d" % (r.word(), r.word(), i)
            if r.chance(2):
                key = "%s_%s_%d" % (UNICODE[r.below(len(UNICODE))], r.word(), i)
            keys.append(key)
            if r.chance(35):
                chunk.append("# %s\n" % sentence(r, 8))
            assignment(r, chunk, key)
            if r.chance(4):
                # oslo.config multi-valued option: the same key again in the same section.
                assignment(r, chunk, key)
        if r.chance(10):
            assignment(r, chunk, keys[0])
        chunk.append("\n")
        sections.append((name, keys))
        text = "".join(chunk)
        out.append(text)
        size += len(text.encode("utf-8"))
        index += 1
    return "".join(out), index


def override(r, budget, sections, layer, next_index):
    out = ["# operator override %d\n" % layer, "; with a semicolon comment too\n"]
    if r.chance(50):
        out.append("debug = True\n")
    size = sum(len(s) for s in out)
    while size < budget:
        chunk = []
        if r.chance(3):
            name, keys = section_name(next_index[0], r), []
            next_index[0] += 1
        else:
            name, keys = sections[r.below(len(sections))]
        chunk.append("[%s]\n" % name)
        for _ in range(3 + r.below(12)):
            key = keys[r.below(len(keys))] if keys and r.chance(80) else "custom_%s_%d" % (r.word(), r.below(50))
            if r.chance(15):
                chunk.append("# %s\n" % sentence(r, 5))
            assignment(r, chunk, key)
            if r.chance(3):
                assignment(r, chunk, key)
        chunk.append("\n")
        text = "".join(chunk)
        out.append(text)
        size += len(text.encode("utf-8"))
    return "".join(out)


def main():
    target = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 14000000
    os.makedirs(target, exist_ok=True)
    r = Lcg(20261207)
    sections = []
    text, count = template(r, total * 45 // 100, sections)
    files = [("00-template.conf", text)]
    next_index = [count]
    for layer, name in enumerate(NAMES, start=1):
        files.append((name, override(r, total * 11 // 100, sections, layer, next_index)))
    for name, text in files:
        with open(os.path.join(target, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
