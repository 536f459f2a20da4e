using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kolla.Containers;
using Kolla.Facts;
using Kolla.Planning;
using Kolla.TestKit;
using Kolla.Tests.Parity;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// Every container the planner defines is the container kolla-ansible would create on the same inputs and facts:
/// <c>tests/parity/container-specs.sh</c> renders kolla-ansible's own <c>&lt;role&gt;_services</c> dicts with the
/// real ansible-core, host by host, and each container's image, volumes, environment, health check, dimensions,
/// privileges, namespace modes, labels and restart settings must equal the planner's spec. Differences kept on purpose
/// are listed, with the reason, in <c>tests/parity/container-deviations.yml</c>.
/// </summary>
/// <remarks>
/// For a faster loop: <c>KOLLA_PARITY_SPECS_CACHE=DIR</c> keeps the oracle's output in DIR/&lt;layout&gt; and reuses it
/// (with the passwords and facts it was made from), and writes both sides' specs there; <c>KOLLA_PARITY_CATALOGUE</c>
/// overlays a catalogue directory (a work tree's <c>src/Kolla.Core/Services/Catalogue</c>) without a rebuild.
/// </remarks>
[LongRunning]
public sealed class KollaAnsibleContainerSpecParityTests : IDisposable
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-spec-parity-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("all-in-one")]
    [InlineData("multinode")]
    public async Task Container_SpecsMatchWhatKollaAnsibleRenders(string layout)
    {
        var token = TestContext.Current.CancellationToken;
        var oracle = Path.Combine(TestRig.RepositoryRoot, "tests", "parity", "container-specs.sh");
        var runner = Path.Combine(TestRig.SharedDirectory, "tools", "kolla-ansible-oracle", "run.sh");
        if (!File.Exists(runner))
        {
            throw TestRig.Unavailable($"the kolla-ansible oracle ({runner})");
        }

        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var modules = await ExternalCommand.RunAsync(python, ["-c", "import jinja2, yaml, netaddr, oslo_config, oslo_utils, jmespath, bcrypt, hvac, cryptography"], cancellationToken: token);
        if (!modules.Succeeded)
        {
            throw TestRig.Unavailable("the oracle's Python modules: apt-get install python3-jinja2 python3-yaml python3-netaddr python3-oslo.config python3-oslo.utils python3-jmespath python3-bcrypt python3-hvac python3-cryptography");
        }

        // The parity inputs with generated passwords (kept with a cached oracle output, which was made from them).
        var cache = Environment.GetEnvironmentVariable("KOLLA_PARITY_SPECS_CACHE") is { Length: > 0 } c ? Path.Combine(c, layout) : null;
        var work = cache ?? Path.Combine(_dir.FullName, layout);
        var config = Path.Combine(work, "config");
        var upstream = Path.Combine(work, "upstream");
        var inventory = Path.Combine(TestRig.SharedDirectory, "vectors", "kolla-ansible-inputs", layout);
        if (!File.Exists(Path.Combine(upstream, "_oracle", "ansible.log")) || cache is null)
        {
            DirectoryTrees.Copy(Path.Combine(TestRig.RepositoryRoot, "tests", "parity", layout), config, overwrite: true);
            (await KollaCli.RunAsync(["genpwd", "--passwords", Path.Combine(config, "passwords.yml")], token)).Code.Should().Be(0);
            (await ExternalCommand.RunAsync("bash", [oracle, "--configdir", config, "-i", inventory, "--output", upstream], cancellationToken: token)).EnsureSuccess();
        }

        var theirs = new SortedDictionary<string, SortedDictionary<string, JsonObject>>(StringComparer.Ordinal);
        var theirBootstraps = new SortedDictionary<string, SortedDictionary<string, JsonObject>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(upstream, "*.json"))
        {
            var host = JsonNode.Parse(await File.ReadAllTextAsync(file, token))!.AsObject();
            theirs[Path.GetFileNameWithoutExtension(file)] = Upstream(host);
            theirBootstraps[Path.GetFileNameWithoutExtension(file)] = UpstreamBootstraps(host);
        }

        var (ours, ourBootstraps) = await OursAsync(config, inventory, Path.Combine(upstream, "_oracle", "facts"), token);
        if (cache is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(work, "theirs.json"), JsonSerializer.Serialize(theirs, s_indented), token);
            await File.WriteAllTextAsync(Path.Combine(work, "ours.json"), JsonSerializer.Serialize(ours, s_indented), token);
            await File.WriteAllTextAsync(Path.Combine(work, "theirs-bootstraps.json"), JsonSerializer.Serialize(theirBootstraps, s_indented), token);
            await File.WriteAllTextAsync(Path.Combine(work, "ours-bootstraps.json"), JsonSerializer.Serialize(ourBootstraps, s_indented), token);
        }

        var deviations = ParityDeviation.LoadFile(Path.Combine(TestRig.RepositoryRoot, "tests", "parity", "container-deviations.yml"))
            .Where(d => d.Layouts.Count == 0 || d.Layouts.Contains(layout))
            .ToList();
        var used = new HashSet<ParityDeviation>();
        var differences = new List<string>();
        var compared = 0;
        void Compare(string host, string container, JsonObject expected, JsonObject actual)
        {
            foreach (var field in ((IDictionary<string, JsonNode?>)expected).Keys.Union(((IDictionary<string, JsonNode?>)actual).Keys).Order(StringComparer.Ordinal))
            {
                compared++;
                var (want, got) = (expected[field], actual[field]);
                if (!JsonNode.DeepEquals(want, got) && !Accepted(deviations, used, layout, $"{container}.{field}", ParityDifferenceKind.Differs, want, got))
                {
                    differences.Add($"{host} {container}.{field}: kolla-ansible {want?.ToJsonString() ?? "(none)"}, ours {got?.ToJsonString() ?? "(none)"}");
                }
            }
        }

        void Presence(string host, string container, ParityDifferenceKind kind)
        {
            if (!Accepted(deviations, used, layout, $"{container}.container", kind, null, null))
            {
                differences.Add($"{host} {container}: {(kind == ParityDifferenceKind.OnlyOurs ? "only-ours" : "only-upstream")}");
            }
        }

        // Containers: the same set on every host, each with the same fields.
        foreach (var host in theirs.Keys.Union(ours.Keys).Order(StringComparer.Ordinal))
        {
            var upstreamHost = theirs.GetValueOrDefault(host) ?? [];
            var ourHost = ours.GetValueOrDefault(host) ?? [];
            foreach (var container in upstreamHost.Keys.Union(ourHost.Keys).Order(StringComparer.Ordinal))
            {
                switch ((upstreamHost.GetValueOrDefault(container), ourHost.GetValueOrDefault(container)))
                {
                    case (null, _):
                        Presence(host, container, ParityDifferenceKind.OnlyOurs);
                        break;
                    case (_, null):
                        Presence(host, container, ParityDifferenceKind.OnlyUpstream);
                        break;
                    case var (expected, actual):
                        Compare(host, container, expected, actual);
                        break;
                }
            }
        }

        // Bootstrap one-shots: each of ours as kolla-ansible's of that name renders it on the host ours runs it on
        // (which host runs one is a task condition upstream, not part of the oracle's output).
        foreach (var (host, jobs) in ourBootstraps)
        {
            foreach (var (name, actual) in jobs)
            {
                if (theirBootstraps.GetValueOrDefault(host)?.GetValueOrDefault(name) is { } expected)
                {
                    Compare(host, name, expected, actual);
                }
                else
                {
                    Presence(host, name, ParityDifferenceKind.OnlyOurs);
                }
            }
        }

        foreach (var name in theirBootstraps.Values.SelectMany(b => b.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            if (!ourBootstraps.Values.Any(b => b.ContainsKey(name)))
            {
                Presence("(any host)", name, ParityDifferenceKind.OnlyUpstream);
            }
        }

        if (cache is not null)
        {
            await File.WriteAllLinesAsync(Path.Combine(work, "differences.txt"), differences, token);
        }

        differences.Should().BeEmpty("kolla-ansible renders these containers otherwise (not listed in tests/parity/container-deviations.yml):\n{0}", string.Join("\n", differences));
        deviations.Where(d => !used.Contains(d)).Select(d => d.Path).Should().BeEmpty("every deviation listed for {0} must still be needed", layout);
        compared.Should().BeGreaterThan(layout == "multinode" ? 300 : 100, "the comparison must cover the containers, not pass on nothing");
    }

    /// <summary>Our planner's specs, per host and container name, in the comparison's form.</summary>
    private static async Task<(SortedDictionary<string, SortedDictionary<string, JsonObject>> Containers, SortedDictionary<string, SortedDictionary<string, JsonObject>> Bootstraps)> OursAsync(string config, string inventory, string facts, CancellationToken token)
    {
        var overlay = Environment.GetEnvironmentVariable("KOLLA_PARITY_CATALOGUE");
        var inputs = await DeploymentInputsLoader.LoadAsync(
            new DeploymentInputsOptions { Inventories = [inventory], ConfigDirectory = config, CatalogueDirectory = overlay is { Length: > 0 } ? overlay : null },
            token);
        var options = new PlanOptions { GlobalsPrecedence = Kolla.Variables.GlobalsPrecedence.LikeKollaAnsible };
        var cache = new FactCache(facts);
        var hostFacts = new Dictionary<string, HostFacts>(StringComparer.Ordinal);
        foreach (var target in DeploymentPlanner.Targets(inputs, options))
        {
            hostFacts[target.Name] = await cache.TryLoadAsync(target.Name, token) ?? throw new InvalidOperationException($"no cached facts for {target.Name} in {facts}");
        }

        var plan = DeploymentPlanner.Plan(inputs with { Facts = hostFacts }, options);
        var result = new SortedDictionary<string, SortedDictionary<string, JsonObject>>(StringComparer.Ordinal);
        var bootstraps = new SortedDictionary<string, SortedDictionary<string, JsonObject>>(StringComparer.Ordinal);
        foreach (var host in plan.Hosts)
        {
            var containers = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            var jobs = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var container in host.Containers)
            {
                containers[container.Spec.Name] = Ours(container.Spec);
                foreach (var job in container.Bootstraps)
                {
                    jobs[job.Spec.Name] = Ours(job.Spec);
                }
            }

            result[host.Host] = containers;
            if (jobs.Count > 0)
            {
                bootstraps[host.Host] = jobs;
            }
        }

        return (result, bootstraps);
    }

    private static JsonObject Ours(ContainerSpec spec)
    {
        var fields = new JsonObject
        {
            ["image"] = spec.Image,
            ["volumes"] = List(spec.Volumes),
            ["environment"] = Map(spec.Environment.Select(e => KeyValuePair.Create(e.Key, e.Value ?? ""))),
            ["privileged"] = spec.Privileged,
            ["restart_policy"] = spec.RestartPolicy,
            ["restart_retries"] = spec.RestartRetries,
            ["graceful_timeout"] = spec.GracefulTimeoutSeconds,
        };
        Optional(fields, "command", spec.Command?.TrimEnd());
        Optional(fields, "pid_mode", spec.PidMode);
        Optional(fields, "ipc_mode", spec.IpcMode);
        Optional(fields, "cgroupns_mode", spec.CgroupnsMode);
        OptionalList(fields, "volumes_from", spec.VolumesFrom);
        OptionalList(fields, "tmpfs", spec.Tmpfs);
        OptionalList(fields, "cap_add", spec.CapAdd);
        OptionalList(fields, "security_opt", spec.SecurityOpt);
        if (spec.Labels.Count > 0)
        {
            fields["labels"] = Map(spec.Labels);
        }

        if (spec.Healthcheck is { IsNone: false } check)
        {
            fields["healthcheck"] = new JsonObject
            {
                ["test"] = List(check.Test),
                ["interval"] = check.IntervalSeconds,
                ["timeout"] = check.TimeoutSeconds,
                ["start_period"] = check.StartPeriodSeconds,
                ["retries"] = check.Retries,
            };
        }

        var d = spec.Dimensions;
        var dimensions = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        void Dimension(string key, JsonNode? value)
        {
            if (value is not null)
            {
                dimensions[key] = value;
            }
        }

        Dimension("mem_limit", d.MemoryLimit);
        Dimension("mem_reservation", d.MemoryReservation);
        Dimension("memswap_limit", d.MemorySwapLimit);
        Dimension("cpu_period", d.CpuPeriod);
        Dimension("cpu_quota", d.CpuQuota);
        Dimension("cpu_shares", d.CpuShares);
        Dimension("cpuset_cpus", d.CpusetCpus);
        Dimension("cpuset_mems", d.CpusetMems);
        Dimension("blkio_weight", d.BlkioWeight);
        if (d.Ulimits.Count > 0)
        {
            var ulimits = new JsonObject();
            foreach (var ulimit in d.Ulimits.OrderBy(u => u.Name, StringComparer.Ordinal))
            {
                ulimits[ulimit.Name] = new JsonObject { ["soft"] = ulimit.Soft, ["hard"] = ulimit.Hard };
            }

            dimensions["ulimits"] = ulimits;
        }

        if (dimensions.Count > 0)
        {
            fields["dimensions"] = new JsonObject(dimensions);
        }

        return fields;
    }

    /// <summary>
    /// The oracle's service dicts of one host, as kolla_container receives them: empty volumes dropped, the common
    /// options' environment under the service's, restart settings from the common options, a <c>NONE</c> (or
    /// disabled) health check as none, sizes in bytes.
    /// </summary>
    private static SortedDictionary<string, JsonObject> Upstream(JsonObject host)
    {
        var common = host["docker_common_options"]!.AsObject();
        var healthchecks = host["enable_container_healthchecks"]!.GetValue<bool>();
        var containers = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, role) in host["services"]!.AsObject())
        {
            foreach (var (_, node) in role!.AsObject())
            {
                var service = node!.AsObject();
                var environment = new List<KeyValuePair<string, string>>();
                foreach (var source in new[] { common["environment"], service["environment"] })
                {
                    foreach (var (key, value) in source?.AsObject() ?? [])
                    {
                        environment.RemoveAll(e => e.Key == key);
                        environment.Add(KeyValuePair.Create(key, Text(value)));
                    }
                }

                var fields = new JsonObject
                {
                    ["image"] = Text(service["image"]),
                    ["volumes"] = List((service["volumes"]?.AsArray() ?? []).Select(Text).Where(v => v.Length > 0)),
                    ["environment"] = Map(environment),
                    ["privileged"] = Truthy(service["privileged"]),
                    ["restart_policy"] = Text(service["restart_policy"] ?? common["restart_policy"]),
                    ["restart_retries"] = Number(common["restart_retries"]),
                    ["graceful_timeout"] = Number(common["graceful_timeout"]),
                };
                Optional(fields, "command", Text(service["command"]).TrimEnd());
                Optional(fields, "pid_mode", Text(service["pid_mode"]));
                Optional(fields, "ipc_mode", Text(service["ipc_mode"]));
                Optional(fields, "cgroupns_mode", Text(service["cgroupns_mode"]));
                Optional(fields, "user", Text(service["user"]));
                foreach (var key in (string[])["volumes_from", "tmpfs", "cap_add", "security_opt"])
                {
                    OptionalList(fields, key, (service[key]?.AsArray() ?? []).Select(Text).Where(v => v.Length > 0).ToList());
                }

                if (service["labels"] is JsonObject { Count: > 0 } labels)
                {
                    fields["labels"] = Map(labels.Select(l => KeyValuePair.Create(l.Key, Text(l.Value))));
                }

                if (healthchecks && service["healthcheck"] is JsonObject check && check["test"] is { } test
                    && !(test is JsonArray { Count: 1 } one && Text(one[0]) == "NONE") && Text(test) is not ("NONE" or ""))
                {
                    fields["healthcheck"] = new JsonObject
                    {
                        ["test"] = test is JsonArray list ? List(list.Select(Text)) : List(["CMD-SHELL", Text(test)]),
                        ["interval"] = Number(check["interval"]),
                        ["timeout"] = Number(check["timeout"]),
                        ["start_period"] = Number(check["start_period"]),
                        ["retries"] = Number(check["retries"]),
                    };
                }

                if (service["dimensions"] is JsonObject { Count: > 0 } dims)
                {
                    var dimensions = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
                    foreach (var (key, value) in dims)
                    {
                        dimensions[key] = key switch
                        {
                            "mem_limit" or "mem_reservation" or "memswap_limit" => Bytes(value),
                            "cpuset_cpus" or "cpuset_mems" => Text(value),
                            "ulimits" => new JsonObject(value!.AsObject()
                                .OrderBy(u => u.Key, StringComparer.Ordinal)
                                .Select(u => KeyValuePair.Create(u.Key, (JsonNode?)new JsonObject { ["soft"] = Number(u.Value!["soft"]), ["hard"] = Number(u.Value!["hard"]) }))),
                            _ => Number(value),
                        };
                    }

                    fields["dimensions"] = new JsonObject(dimensions);
                }

                containers[Text(service["container_name"])] = fields;
            }
        }

        return containers;
    }

    /// <summary>
    /// The oracle's bootstrap one-shots of one host by name, as kolla_container receives their arguments: the task's
    /// own environment under the common options', its volumes, labels and restart policy; no health check.
    /// </summary>
    private static SortedDictionary<string, JsonObject> UpstreamBootstraps(JsonObject host)
    {
        var common = host["docker_common_options"]!.AsObject();
        var jobs = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var job in host["bootstraps"]?.AsArray() ?? [])
        {
            var args = job!["args"]!.AsObject();
            var service = new JsonObject();
            foreach (var key in (string[])["container_name", "image", "command", "volumes", "environment", "privileged", "pid_mode", "ipc_mode", "cgroupns_mode", "labels", "dimensions", "restart_policy"])
            {
                if (args[key == "container_name" ? "name" : key] is { } value)
                {
                    service[key] = value.DeepClone();
                }
            }

            var fake = new JsonObject
            {
                ["docker_common_options"] = common.DeepClone(),
                ["enable_container_healthchecks"] = false,
                ["services"] = new JsonObject { ["bootstrap"] = new JsonObject { ["job"] = service } },
            };
            foreach (var (name, fields) in Upstream(fake))
            {
                jobs[name] = fields;
            }
        }

        return jobs;
    }

    private static bool Accepted(List<ParityDeviation> deviations, HashSet<ParityDeviation> used, string layout, string path, ParityDifferenceKind kind, JsonNode? theirs, JsonNode? ours)
    {
        var difference = new ParityDifference("", path, kind, [.. ChangedValues(theirs, ours)], "");
        if (deviations.FirstOrDefault(d => d.Covers(layout, difference)) is not { } deviation)
        {
            return false;
        }

        used.Add(deviation);
        return true;
    }

    /// <summary>What changed, as text: the entries only one side has (lists and maps), else both values.</summary>
    private static IEnumerable<string> ChangedValues(JsonNode? theirs, JsonNode? ours)
    {
        IEnumerable<string> Entries(JsonNode? node) => node switch
        {
            JsonArray array => array.Select(e => e is JsonValue ? Text(e) : e?.ToJsonString() ?? ""),
            JsonObject map => map.Select(p => $"{p.Key}={(p.Value is JsonValue ? Text(p.Value) : p.Value?.ToJsonString())}"),
            null => [],
            _ => [Text(node)],
        };
        var (a, b) = (Entries(theirs).ToList(), Entries(ours).ToList());
        return theirs is JsonArray or JsonObject || ours is JsonArray or JsonObject ? a.Except(b).Concat(b.Except(a)) : a.Concat(b);
    }

    private static void Optional(JsonObject fields, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields[key] = value;
        }
    }

    private static void OptionalList(JsonObject fields, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            fields[key] = List(values);
        }
    }

    private static JsonArray List(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonObject Map(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            sorted[key] = value;
        }

        return new JsonObject(sorted.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
    }

    /// <summary>A rendered scalar as Ansible would pass it on: null as empty, booleans as Python writes them.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "True",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    private static bool Truthy(JsonNode? node) => Text(node).ToLowerInvariant() is "true" or "yes" or "1" or "on";

    private static long Number(JsonNode? node) => long.Parse(Text(node), CultureInfo.InvariantCulture);

    private static long Bytes(JsonNode? node)
    {
        var text = Text(node).Trim();
        var unit = text.Length > 0 ? char.ToLowerInvariant(text[^1]) : ' ';
        var multiplier = unit switch { 'b' => 1L, 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 0L };
        return multiplier == 0 ? long.Parse(text, CultureInfo.InvariantCulture) : long.Parse(text[..^1], CultureInfo.InvariantCulture) * multiplier;
    }
}
