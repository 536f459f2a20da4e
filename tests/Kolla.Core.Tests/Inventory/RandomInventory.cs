using System.Globalization;
using System.Text;

namespace Kolla.Tests.Inventory;

/// <summary>One generated inventory case on disk.</summary>
/// <param name="Seed">The seed that generated it.</param>
/// <param name="Directory">Its folder.</param>
/// <param name="Sources">The <c>-i</c> paths, in order.</param>
internal sealed record RandomInventoryCase(int Seed, string Directory, IReadOnlyList<string> Sources)
{
    public IEnumerable<string> InventoryArgs => Sources.SelectMany(s => new[] { "-i", s });

    public override string ToString() => $"seed {Seed} in {Directory}";
}

/// <summary>
/// Writes seeded random, valid Ansible inventories: INI and YAML sources, groups with children (a DAG),
/// host ranges and ports, typed inline variables, <c>[g:vars]</c>, <c>group_vars/</c> and <c>host_vars/</c>
/// as files and as folders, several sources and inventory directories.
/// </summary>
internal sealed class RandomInventory
{
    private static readonly string[] GroupPool =
    [
        "control", "network", "compute", "storage", "monitoring", "nova-api", "neutron", "web", "db",
        "Zed", "g_1", "ovn-controller", "mariadb", "baremetal", "tls-backend", "aa", "b2", "a.b", "x@y", "ünï",
    ];

    private static readonly string[] VarNames = ["v1", "v2", "v3", "ansible_port", "ansible_host", "shared", "x-y"];

    // Raw INI host-line values (after key=): shell quoting included.
    private static readonly string[] IniHostValues =
    [
        "1", "-3", "+4", "0x1F", "0o17", "0b101", "1_000", "1.5", "1e3", ".5", "5.", "-2.5e-7", "1e16", "1e22", "1e-5",
        "123456789012345678901234567890", "True", "False", "None", "yes", "true", "off", "01", "abc", "\"'quoted'\"",
        "\"'07'\"", "'\"x y\"'", "\"a b\"", "\"[1,'a',None]\"", "\"{'a':1,'b':[2,(3,4)]}\"", "\"(1,2)\"", "a=b",
        "\"'a#b'\"", "café", "\"'\\\\u00e9'\"", "\"1, 2\"", "\"-(1)\"", "\"- 1\"", "\"--1\"", "\"1+2\"", "\"[1,]\"",
        "\"{}\"", "\"()\"", "\"b'bytes'\"", "\"r'\\\\d'\"", "\"'a' 'b'\"", "\"1 # c\"", "\"''\"", string.Empty, "\"u'x'\"",
        "0_0", "1__0", "0x", "-0.0", "1e999", "\"'tab\\\\there'\"", "\"'line\\\\nbreak'\"", "{a:1}", "[a]", "\"'\\\\x41'\"",
        "007.5", "\"'\\\\101'\"", "x\\ y", "'single quoted'", "\"[[]]\"", "\"{'k': {'n': None}}\"", "-0x10", "1e+3",
    ];

    // Raw [g:vars] values (the rest of the line).
    private static readonly string[] IniGroupValues =
    [
        "1", "True", "yes", "hello world", "\"quoted\"", "'single'", "[1, 2]", "{\"a\": 1}", "1.5", "a=b",
        "value # not a comment", "1 # a comment", string.Empty, "None", "0x10", "-7", "\"x\" \"y\"", "[1, 'two', None]",
        "café", "'\\u00e9'", "{'nested': {'k': [1.0, 2.5]}}", "010", "1_0", "  spaced  ",
    ];

    // YAML scalar/collection texts for YAML inventories and vars files.
    private static readonly string[] YamlValues =
    [
        "1", "yes", "on", "No", "\"yes\"", "017", "0x1F", "1_000", "1:30", "1.0e+5", "1e5", ".inf", "-.Inf", "~", "null",
        "''", "2001-12-14", "\"2001-12-14\"", "[1, two, 3.0]", "{a: 1, b: [x]}", "!!str 12", "True", "FALSE", "0.5", "-1",
        "+1", "0b101", "-0x1F", "12345678901234567890123", "é", "\"tab\\there\"", "'it''s'", "1.5e-7", "190:20:30.15",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2002-12-14T01:02:03Z", "[]", "{}", "08", "-0", "0.",
        "!!int '42'", "!!float '1'", "[yes, no, ~]", "{k: {n: 1}}", "\"a\\nb\"", "\"\\u00e9\"", "3.0", "100000000000000000.0",
    ];

    private static readonly string[] JsonValues =
    [
        "1", "1.5", "1e5", "\"s\"", "true", "false", "null", "[1, 2]", "{\"k\": \"v\"}", "\"yes\"", "-0", "1E+2",
        "123456789012345678901234567890", "\"\\u00e9\"", "[]", "{}", "0.1",
    ];

    private readonly Random _random;
    private readonly string _root;
    private readonly List<string> _knownHosts = [];
    private readonly List<string> _expandedHosts = [];
    private int _hostCounter;
    private string? _anchor;

    private RandomInventory(int seed, string root)
    {
        _random = new Random(seed);
        _root = root;
    }

    public static RandomInventoryCase Write(int seed, string root)
    {
        Directory.CreateDirectory(root);
        return new RandomInventory(seed, root).Generate(seed);
    }

    private RandomInventoryCase Generate(int seed)
    {
        var layout = _random.Next(10);
        var sources = new List<string>();
        var groups = PickGroups();
        if (layout < 5)
        {
            sources.Add(WriteSource(Path.Combine(_root, "hosts"), ini: true, groups));
        }
        else if (layout < 7)
        {
            sources.Add(WriteSource(Path.Combine(_root, Chance(30) ? "hosts" : "hosts.yml"), ini: false, groups));
        }
        else if (layout < 9)
        {
            var first = Path.Combine(_root, "one", "hosts");
            var second = Path.Combine(_root, "two", "more.yml");
            sources.Add(WriteSource(first, ini: _random.Next(3) > 0, groups));
            sources.Add(WriteSource(second, ini: _random.Next(2) == 0, PickGroups()));
        }
        else
        {
            var dir = Path.Combine(_root, "inventory.d");
            WriteSource(Path.Combine(dir, "01-hosts"), ini: true, groups);
            WriteSource(Path.Combine(dir, "02-more.yaml"), ini: false, PickGroups());
            File.WriteAllText(Path.Combine(dir, "README.md"), "[not parsed\n");
            File.WriteAllText(Path.Combine(dir, "ignored.ini"), "[also:not:parsed\n");
            File.WriteAllText(Path.Combine(dir, ".hidden"), "[hidden\n");
            sources.Add(dir);
        }

        foreach (var source in sources)
        {
            var baseDir = Directory.Exists(source) ? source : Path.GetDirectoryName(source)!;
            WriteVarsDirs(baseDir, groups.Append("all").Concat(PickGroups()).Distinct().ToList());
        }

        return new RandomInventoryCase(seed, _root, sources);
    }

    private List<string> PickGroups() =>
        GroupPool.OrderBy(_ => _random.Next()).Take(_random.Next(2, 8)).ToList();

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(int percent) => _random.Next(100) < percent;

    private string NewHostSpec(bool allowPort)
    {
        if (_knownHosts.Count > 0 && Chance(25))
        {
            return Pick(_knownHosts);
        }

        var n = ++_hostCounter;
        var spec = _random.Next(12) switch
        {
            0 => $"node{n}-[01:03]",
            1 => $"r{n}[a:c]",
            2 => $"s{n}-[0:6:2]",
            3 => $"m{n}[1:2]x[1:2]",
            4 => $"10.0.{n % 250}.{_random.Next(1, 250)}",
            5 => $"h{n}.example.com",
            6 => $"z{n}[8:11]",
            7 => $"p{n}[:2]",
            _ => $"h{n:00}",
        };
        if (allowPort && Chance(15))
        {
            spec += ":" + _random.Next(1000, 3000).ToString(CultureInfo.InvariantCulture);
        }

        if (!spec.Contains('[', StringComparison.Ordinal) && !spec.Contains(':', StringComparison.Ordinal))
        {
            _knownHosts.Add(spec);
        }
        else if (spec.Contains('[', StringComparison.Ordinal) && !spec.Contains("]:", StringComparison.Ordinal))
        {
            _expandedHosts.AddRange(Kolla.Inventory.HostAddress.ExpandRanges(spec));
        }

        return spec;
    }

    private string WriteSource(string path, bool ini, List<string> groups)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ini ? IniText(groups) : YamlText(groups));
        return path;
    }

    private string IniText(List<string> groups)
    {
        var sb = new StringBuilder();
        if (Chance(40))
        {
            sb.AppendLine("# a comment before everything");
        }

        if (Chance(40))
        {
            for (var i = _random.Next(1, 3); i > 0; i--)
            {
                sb.AppendLine(IniHostLine());
            }
        }

        // Children only point forward, so the graph has no cycle; sections come in random order, so some
        // children are declared before their section and some after.
        var children = groups.ToDictionary(g => g, _ => new List<string>());
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                if (Chance(30))
                {
                    children[groups[i]].Add(groups[j]);
                }
            }
        }

        var sections = new List<string>();
        foreach (var group in groups)
        {
            var s = new StringBuilder();
            s.Append('[').Append(group).Append(Chance(15) ? ":hosts" : string.Empty).AppendLine(Chance(20) ? "]   # trailing comment" : "]");
            for (var i = _random.Next(0, 4); i > 0; i--)
            {
                s.AppendLine(IniHostLine());
            }

            sections.Add(s.ToString());
            if (children[group].Count > 0 || Chance(10))
            {
                var c = new StringBuilder().Append('[').Append(group).AppendLine(":children]");
                foreach (var child in children[group])
                {
                    c.AppendLine(Chance(15) ? child + "   # why" : child);
                }

                sections.Add(c.ToString());
            }

            if (Chance(45))
            {
                var v = new StringBuilder().Append('[').Append(group).AppendLine(":vars]");
                for (var i = _random.Next(1, 4); i > 0; i--)
                {
                    v.Append(Pick(VarNames)).Append(Chance(50) ? " = " : "=").AppendLine(Pick(IniGroupValues));
                }

                if (Chance(15))
                {
                    v.Append("ansible_group_priority=").AppendLine(_random.Next(0, 5).ToString(CultureInfo.InvariantCulture));
                }

                sections.Add(v.ToString());
            }
        }

        // A [g:vars] before [g] is allowed; [g:children] of a later group too. Shuffle a little.
        for (var i = 0; i < sections.Count; i++)
        {
            if (Chance(30))
            {
                var k = _random.Next(sections.Count);
                (sections[i], sections[k]) = (sections[k], sections[i]);
            }
        }

        foreach (var section in sections)
        {
            sb.Append(section);
            if (Chance(50))
            {
                sb.AppendLine();
            }

            if (Chance(10))
            {
                sb.AppendLine("; semicolon comment");
            }
        }

        if (Chance(25))
        {
            sb.AppendLine("[all:vars]").Append(Pick(VarNames)).Append('=').AppendLine(Pick(IniGroupValues));
        }

        if (Chance(15))
        {
            sb.AppendLine("[all]").AppendLine(IniHostLine());
        }

        if (Chance(15))
        {
            sb.AppendLine("[ungrouped]").AppendLine(IniHostLine());
        }

        if (Chance(10))
        {
            sb.AppendLine("[all:children]").AppendLine(Pick(groups));
        }

        if (Chance(8))
        {
            // ungrouped under a real group: its hosts end up in no group at all (ansible's reconcile).
            sb.Append('[').Append(Pick(groups)).AppendLine(":children]").AppendLine("ungrouped");
        }

        if (Chance(10) && _knownHosts.Count > 0)
        {
            // A group named like a host: ansible warns and keeps both.
            sb.Append('[').Append(_knownHosts[0]).AppendLine("]").AppendLine(NewHostSpec(allowPort: false));
        }

        return sb.ToString();
    }

    private string IniHostLine()
    {
        var sb = new StringBuilder(NewHostSpec(allowPort: true));
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            sb.Append(Chance(20) ? "   " : " ").Append(Pick(VarNames)).Append('=').Append(Pick(IniHostValues));
        }

        if (Chance(10))
        {
            sb.Append(" # trailing comment");
        }

        return sb.ToString();
    }

    private string YamlText(List<string> groups)
    {
        _anchor = null;
        var sb = new StringBuilder();
        if (Chance(30))
        {
            sb.AppendLine("---");
        }

        // Nest each group under at most one earlier group (YAML children define subgroups inline).
        var nested = new HashSet<string>();
        var childrenOf = groups.ToDictionary(g => g, _ => new List<string>());
        for (var i = 1; i < groups.Count; i++)
        {
            if (Chance(40))
            {
                childrenOf[groups[_random.Next(i)]].Add(groups[i]);
                nested.Add(groups[i]);
            }
        }

        var topUnderAll = Chance(50);
        var indent = 0;
        if (topUnderAll)
        {
            sb.AppendLine("all:");
            if (Chance(30))
            {
                sb.AppendLine("  vars:").Append("    ").Append(Pick(VarNames)).Append(": ").AppendLine(Pick(YamlValues));
            }

            if (Chance(20))
            {
                sb.AppendLine("  hosts:").Append("    ").Append(NewHostSpec(allowPort: false)).AppendLine(":");
            }

            sb.AppendLine("  children:");
            indent = 4;
        }

        foreach (var group in groups.Where(g => !nested.Contains(g)))
        {
            WriteYamlGroup(sb, group, childrenOf, indent);
        }

        return sb.ToString();
    }

    private void WriteYamlGroup(StringBuilder sb, string group, Dictionary<string, List<string>> childrenOf, int indent)
    {
        var pad = new string(' ', indent);
        var hasContent = childrenOf[group].Count > 0 || Chance(85);
        if (!hasContent)
        {
            sb.Append(pad).Append(group).AppendLine(":");
            return;
        }

        sb.Append(pad).Append(group).AppendLine(":");
        var parts = new List<Action>();
        if (Chance(80))
        {
            parts.Add(() =>
            {
                if (Chance(10))
                {
                    sb.Append(pad).Append("  hosts: ").AppendLine(NewHostSpec(allowPort: false));
                    return;
                }

                sb.Append(pad).AppendLine("  hosts:");
                for (var i = _random.Next(1, 4); i > 0; i--)
                {
                    var host = NewHostSpec(allowPort: true);
                    if (Chance(50))
                    {
                        sb.Append(pad).Append("    ").Append(host).AppendLine(":");
                    }
                    else
                    {
                        sb.Append(pad).Append("    ").Append(host).AppendLine(":");
                        if (_anchor is null && Chance(20))
                        {
                            _anchor = $"a{_random.Next(1000)}";
                            sb.Append(pad).Append("      ").Append("shared: &").Append(_anchor).AppendLine(" {k: 1, l: [x, y]}");
                        }
                        else if (_anchor is not null && Chance(30))
                        {
                            sb.Append(pad).Append("      ").Append("alias: *").AppendLine(_anchor);
                        }

                        for (var k = _random.Next(1, 3); k > 0; k--)
                        {
                            sb.Append(pad).Append("      ").Append(Pick(VarNames)).Append(": ").AppendLine(Pick(YamlValues));
                        }
                    }
                }
            });
        }

        if (Chance(40))
        {
            parts.Add(() =>
            {
                sb.Append(pad).AppendLine("  vars:");
                for (var k = _random.Next(1, 3); k > 0; k--)
                {
                    sb.Append(pad).Append("    ").Append(Pick(VarNames)).Append(": ").AppendLine(Pick(YamlValues));
                }

                if (Chance(15))
                {
                    sb.Append(pad).Append("    ansible_group_priority: ").AppendLine(_random.Next(0, 5).ToString(CultureInfo.InvariantCulture));
                }
            });
        }

        if (childrenOf[group].Count > 0)
        {
            parts.Add(() =>
            {
                sb.Append(pad).AppendLine("  children:");
                foreach (var child in childrenOf[group])
                {
                    WriteYamlGroup(sb, child, childrenOf, indent + 4);
                }
            });
        }

        if (parts.Count == 0)
        {
            sb.Append(pad).AppendLine("  vars: {}");
        }

        foreach (var part in parts.OrderBy(_ => _random.Next()))
        {
            part();
        }
    }

    private void WriteVarsDirs(string baseDir, List<string> groups)
    {
        if (Chance(60))
        {
            var dir = Path.Combine(baseDir, "group_vars");
            foreach (var group in groups.Where(_ => Chance(40)))
            {
                WriteVarsEntry(dir, group);
            }
        }

        if (Chance(50))
        {
            var dir = Path.Combine(baseDir, "host_vars");
            foreach (var host in _knownHosts.Concat(_expandedHosts).Distinct().Where(_ => Chance(30)))
            {
                WriteVarsEntry(dir, host);
            }
        }
    }

    private void WriteVarsEntry(string dir, string name)
    {
        Directory.CreateDirectory(dir);
        switch (_random.Next(6))
        {
            case 0:
                File.WriteAllText(Path.Combine(dir, name + ".yml"), YamlVars());
                break;
            case 1:
                File.WriteAllText(Path.Combine(dir, name + ".yaml"), YamlVars());
                break;
            case 2:
                File.WriteAllText(Path.Combine(dir, name + ".json"), JsonVars());
                break;
            case 3:
                File.WriteAllText(Path.Combine(dir, name), YamlVars());
                break;
            default:
                {
                    var sub = Path.Combine(dir, name);
                    Directory.CreateDirectory(Path.Combine(sub, "nested"));
                    File.WriteAllText(Path.Combine(sub, "a.yml"), YamlVars());
                    File.WriteAllText(Path.Combine(sub, "b.json"), JsonVars());
                    File.WriteAllText(Path.Combine(sub, "nested", "c.yaml"), YamlVars());
                    File.WriteAllText(Path.Combine(sub, "noext"), YamlVars());
                    File.WriteAllText(Path.Combine(sub, ".hidden.yml"), "v1: hidden\n");
                    File.WriteAllText(Path.Combine(sub, "backup.yml~"), "v1: backup\n");
                    File.WriteAllText(Path.Combine(sub, "notes.txt"), "v1: notes\n");
                    if (Chance(30))
                    {
                        File.WriteAllText(Path.Combine(sub, "empty.yml"), string.Empty);
                    }

                    break;
                }
        }
    }

    private string YamlVars()
    {
        var sb = new StringBuilder();
        if (Chance(20))
        {
            sb.AppendLine("# vars");
        }

        for (var k = _random.Next(1, 4); k > 0; k--)
        {
            sb.Append(Pick(VarNames)).Append(": ").AppendLine(Pick(YamlValues));
        }

        return sb.ToString();
    }

    private string JsonVars()
    {
        var entries = Enumerable.Range(0, _random.Next(1, 4))
            .Select(_ => $"\"{Pick(VarNames)}\": {Pick(JsonValues)}");
        return "{" + string.Join(", ", entries) + "}\n";
    }
}
