using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kolla.Configuration;

namespace Kolla.Benchmarks;

/// <summary>
/// merge_configs on a realistic input: a ~2,000-line nova.conf-like template (sections, help comments, blank lines,
/// multi-line values) plus five override layers (global.conf, nova.conf, nova/nova-compute.conf,
/// nova/compute01/nova.conf, nova/compute01/nova-compute.conf), about 90 KB in all.
/// Throughput = <see cref="InputBytes"/> / mean time. Set KOLLA_BENCH_DUMP=DIR to write the inputs (for timing
/// kolla_merge_oracle.py --time on the same files).
/// </summary>
[MemoryDiagnoser]
public class IniMergeBenchmarks
{
    private ConfigSource[] _sources = [];

    /// <summary>Total UTF-8 bytes of all sources.</summary>
    public static int InputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _sources = Corpus.Create();
        InputBytes = _sources.Sum(s => Encoding.UTF8.GetByteCount(s.Text!));
        Console.WriteLine($"// IniMerge input: {_sources.Length} sources, {InputBytes} bytes, {_sources[0].Text!.Count(c => c == '\n')} template lines");
        if (Environment.GetEnvironmentVariable("KOLLA_BENCH_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            for (var i = 0; i < _sources.Length; i++)
            {
                File.WriteAllText(Path.Combine(dump, $"{i}-{Path.GetFileName(_sources[i].Name)}"), _sources[i].Text!, new UTF8Encoding(false));
            }
        }
    }

    /// <summary>Parse all six sources, merge, produce the file's bytes (what kolla's task does, minus Jinja).</summary>
    [Benchmark(Baseline = true)]
    public byte[] MergeAndWrite() => IniMerger.Merge(_sources).ToUtf8();

    /// <summary>The same, producing a .NET string (a large string lands on the large object heap).</summary>
    [Benchmark]
    public string MergeAndWriteString() => IniMerger.Merge(_sources).ToText();

    /// <summary>Parse and merge only.</summary>
    [Benchmark]
    public int MergeOnly() => IniMerger.Merge(_sources).Sections.Count;

    /// <summary>The same merge with provenance history (what <c>kolla config explain</c> runs).</summary>
    [Benchmark]
    public int MergeWithProvenance() => IniMerger.Merge(_sources, new IniMergeOptions { TrackShadowed = true }).Sections.Count;

    private static class Corpus
    {
        private static readonly string[] Sections =
        [
            "DEFAULT", "api", "api_database", "barbican", "cache", "cinder", "compute", "conductor", "console", "cors",
            "database", "devices", "ephemeral_storage_encryption", "filter_scheduler", "glance", "guestfs", "hyperv",
            "image_cache", "ironic", "key_manager", "keystone", "keystone_authtoken", "libvirt", "metrics", "mks",
            "neutron", "notifications", "oslo_concurrency", "oslo_messaging_amqp", "oslo_messaging_notifications",
            "oslo_messaging_rabbit", "oslo_middleware", "oslo_policy", "pci", "placement", "quota", "rdp", "scheduler",
            "serial_console", "service_user", "spice", "upgrade_levels", "vault", "vendordata_dynamic_auth", "vnc",
            "workarounds", "wsgi", "zvm",
        ];

        public static ConfigSource[] Create()
        {
            var random = new Random(20261125);
            var template = Template(random, out var keys);
            return
            [
                ConfigSource.FromText("roles/nova/templates/nova.conf.j2", template),
                ConfigSource.FromText("/etc/kolla/config/global.conf", Layer(random, keys, 40)),
                ConfigSource.FromText("/etc/kolla/config/nova.conf", Layer(random, keys, 80)),
                ConfigSource.FromText("/etc/kolla/config/nova/nova-compute.conf", Layer(random, keys, 50)),
                ConfigSource.FromText("/etc/kolla/config/nova/compute01/nova.conf", Layer(random, keys, 30)),
                ConfigSource.FromText("/etc/kolla/config/nova/compute01/nova-compute.conf", Layer(random, keys, 20)),
            ];
        }

        private static string Template(Random random, out List<(string Section, string Key)> keys)
        {
            keys = [];
            var sb = new StringBuilder();
            var lines = 0;
            var section = 0;
            while (lines < 2000)
            {
                var name = Sections[section++ % Sections.Length] + (section > Sections.Length ? "_" + section.ToString(CultureInfo.InvariantCulture) : string.Empty);
                sb.Append('[').Append(name).Append("]\n");
                lines++;
                var count = random.Next(6, 20);
                for (var i = 0; i < count && lines < 2000; i++)
                {
                    var key = $"{Word(random)}_{Word(random)}_{i}";
                    keys.Add((name, key));
                    if (random.NextDouble() < 0.35)
                    {
                        sb.Append("# ").Append(Sentence(random, 8)).Append('\n');
                        lines++;
                    }

                    sb.Append(key).Append(" = ").Append(Value(random)).Append('\n');
                    lines++;
                    if (random.NextDouble() < 0.05)
                    {
                        sb.Append("    ").Append(Value(random)).Append('\n').Append("    ").Append(Value(random)).Append('\n');
                        lines += 2;
                    }
                }

                sb.Append('\n');
                lines++;
            }

            return sb.ToString();
        }

        private static string Layer(Random random, List<(string Section, string Key)> keys, int count)
        {
            var picked = Enumerable.Range(0, count)
                .Select(_ => random.NextDouble() < 0.85 ? keys[random.Next(keys.Count)] : (Sections[random.Next(Sections.Length)], "custom_" + Word(random)))
                .GroupBy(k => k.Item1)
                .ToList();
            var sb = new StringBuilder("# operator override\n");
            foreach (var group in picked)
            {
                sb.Append('[').Append(group.Key).Append("]\n");
                foreach (var (_, key) in group)
                {
                    sb.Append(key).Append(" = ").Append(Value(random)).Append('\n');
                }

                sb.Append('\n');
            }

            return sb.ToString();
        }

        private static string Value(Random random) => random.Next(6) switch
        {
            0 => random.NextDouble() < 0.5 ? "True" : "False",
            1 => random.Next(1, 100000).ToString(CultureInfo.InvariantCulture),
            2 => $"mysql+pymysql://nova:{Word(random)}@10.0.0.{random.Next(1, 255)}:3306/nova",
            3 => $"rabbit://openstack:{Word(random)}@10.0.0.{random.Next(1, 255)}:5672//",
            4 => $"/var/lib/kolla/{Word(random)}/{Word(random)}",
            _ => Sentence(random, 3),
        };

        private static string Sentence(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));

        private static string Word(Random random)
        {
            string[] pool = ["compute", "scheduler", "host", "enabled", "timeout", "driver", "max", "pool", "size", "retry", "interval", "backend", "cert", "url", "region", "project", "cpu", "ram", "disk", "weight", "filter", "service", "token", "auth", "cache", "memcached", "servers", "policy", "vnc", "proxy"];
            return pool[random.Next(pool.Length)];
        }
    }
}
