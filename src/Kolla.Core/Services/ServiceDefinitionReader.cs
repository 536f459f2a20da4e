using Kolla.Compat;

namespace Kolla.Services;

/// <summary>Parses one <c>service.yml</c> into a <see cref="ServiceDefinition"/>.</summary>
/// <remarks>
/// The format follows kolla-ansible's <c>&lt;role&gt;_services</c> field names (<c>container_name</c>, <c>group</c>,
/// <c>enabled</c>, <c>image</c>, <c>volumes</c>, ...) and adds <c>files</c>, <c>config_json</c> and <c>bootstrap</c>,
/// which upstream spreads over config tasks and <c>*.json.j2</c> templates. See docs/catalogue.md.
/// </remarks>
internal static class ServiceDefinitionReader
{
    private static readonly HashSet<string> s_topKeys = ["service", "after", "restart", "defaults", "containers", "bootstrap", "ca_certificates"];

    private static readonly HashSet<string> s_containerKeys =
    [
        "container_name", "group", "host_in_groups", "enabled", "image", "volumes", "environment", "privileged",
        "pid_mode", "ipc_mode", "cgroupns_mode", "cap_add", "security_opt", "tmpfs", "labels", "command",
        "dimensions", "healthcheck", "restart_policy", "restart", "post_start", "post_start_before_healthy", "reload_after", "galera_cluster", "galera_cluster_name", "prechecks", "files", "config_json",
    ];

    private static readonly HashSet<string> s_precheckKeys = ["ports"];

    private static readonly HashSet<string> s_fileKeys = ["dest", "template", "merge", "overrides", "template_last", "mode", "when", "extend_lists", "source"];

    private static readonly HashSet<string> s_bootstrapKeys = ["name", "container", "environment", "command", "volumes", "run_once", "timeout"];

    /// <summary>Parses a definition.</summary>
    /// <param name="source">File path or resource name, used in errors.</param>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="templates">Templates shipped beside it, by relative name.</param>
    /// <exception cref="CatalogueException">The text is not a valid definition; names the source and line.</exception>
    public static ServiceDefinition Read(string source, string yaml, IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(templates);
        var nodes = new YamlNodes((line, message) => new CatalogueException(source, line, message));
        var root = nodes.Mapping(
            nodes.Parse(yaml) ?? throw new CatalogueException(source, 0, "expected exactly one YAML document"), "a service definition");
        CheckKeys(nodes, root, s_topKeys, "service definition");
        string? name = null;
        var after = Array.Empty<string>() as IReadOnlyList<string>;
        var restart = RestartStrategy.Parallel;
        var defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
        var containers = new List<ContainerDefinition>();
        var bootstrap = new List<BootstrapDefinition>();
        string? caCertificates = null;
        foreach (var (key, value, _) in nodes.Entries(root))
        {
            switch (key)
            {
                case "service":
                    name = nodes.Text(value, "service");
                    break;
                case "after":
                    after = nodes.TextList(value, "after");
                    break;
                case "restart":
                    restart = ReadRestart(nodes, value);
                    break;
                case "ca_certificates":
                    caCertificates = nodes.Text(value, "ca_certificates");
                    break;
                case "defaults":
                    foreach (var (k, v, _) in nodes.Entries(nodes.Mapping(value, "defaults")))
                    {
                        defaults[k] = nodes.Plain(v);
                    }

                    break;
                case "containers":
                    foreach (var (k, v, _) in nodes.Entries(nodes.Mapping(value, "containers")))
                    {
                        containers.Add(ReadContainer(nodes, k, nodes.Mapping(v, $"container {k}")));
                    }

                    break;
                case "bootstrap":
                    if (value is not YSequence seq)
                    {
                        throw nodes.Error(value, "bootstrap must be a list");
                    }

                    bootstrap.AddRange(seq.Items.Select(c => ReadBootstrap(nodes, nodes.Mapping(c, "a bootstrap job"))));
                    break;
            }
        }

        if (name is null)
        {
            throw new CatalogueException(source, 1, "'service' (the service name) is required");
        }

        foreach (var job in bootstrap)
        {
            if (containers.All(c => c.Key != job.Container))
            {
                throw new CatalogueException(source, 0, $"bootstrap job {job.Name} names container '{job.Container}', which this service does not define");
            }
        }

        foreach (var container in containers)
        {
            if (container.ReloadAfter.FirstOrDefault(n => bootstrap.All(b => b.Name != n)) is { } unknown)
            {
                throw new CatalogueException(source, 0, $"container {container.Key}: reload_after names '{unknown}', which is not a bootstrap job of this service");
            }
        }

        foreach (var file in containers.SelectMany(c => c.Files))
        {
            if (file.Template is not null && !templates.ContainsKey(file.Template))
            {
                throw new CatalogueException(source, 0, $"file {file.Dest} names template '{file.Template}', which is not shipped with the service");
            }
        }

        return new ServiceDefinition
        {
            Name = name,
            Source = source,
            After = after,
            Restart = restart,
            Defaults = defaults,
            Containers = containers,
            Bootstrap = bootstrap,
            Templates = templates,
            CaCertificates = caCertificates ?? "{{ kolla_copy_ca_into_containers | default(false) | bool }}",
        };
    }

    private static ContainerDefinition ReadContainer(YamlNodes nodes, string key, YMapping map)
    {
        CheckKeys(nodes, map, s_containerKeys, $"container {key}");
        string Required(string field) => YamlNodes.Find(map, field) is { } n
            ? nodes.Text(n, $"{key}.{field}")
            : throw nodes.Error(map, $"container {key}: '{field}' is required");
        YNode? Get(string field) => YamlNodes.Find(map, field);
        string? Optional(string field) => nodes.OptionalText(map, field, $"{key}.{field}");

        var configJson = Get("config_json") ?? throw nodes.Error(map, $"container {key}: 'config_json' is required");
        return new ContainerDefinition
        {
            Key = key,
            ContainerName = Required("container_name"),
            Group = Required("group"),
            HostInGroups = Optional("host_in_groups"),
            Enabled = Optional("enabled") ?? "true",
            Image = Required("image"),
            Volumes = Get("volumes") is { } v ? nodes.TextList(v, $"{key}.volumes") : [],
            Environment = Get("environment") is { } env ? nodes.TextMap(env, $"{key}.environment") : [],
            Privileged = Optional("privileged") ?? "false",
            PidMode = Optional("pid_mode"),
            IpcMode = Optional("ipc_mode"),
            CgroupnsMode = Optional("cgroupns_mode"),
            CapAdd = Get("cap_add") is { } cap ? nodes.TextList(cap, $"{key}.cap_add") : [],
            SecurityOpt = Get("security_opt") is { } so ? nodes.TextList(so, $"{key}.security_opt") : [],
            Tmpfs = Get("tmpfs") is { } tmp ? nodes.TextList(tmp, $"{key}.tmpfs") : [],
            Labels = Get("labels") is { } labels
                ? nodes.TextMap(labels, $"{key}.labels").Select(p => KeyValuePair.Create(p.Key, p.Value ?? "")).ToArray()
                : [],
            Command = Optional("command"),
            Dimensions = Get("dimensions") is { } dim ? nodes.Plain(dim) : null,
            Healthcheck = Get("healthcheck") is { } hc ? nodes.Plain(hc) : null,
            RestartPolicy = Optional("restart_policy"),
            Restart = Get("restart") is { } r ? ReadRestart(nodes, r) : null,
            PostStart = Get("post_start") is { } ps ? nodes.TextList(ps, $"{key}.post_start") : [],
            PostStartBeforeHealthy = Optional("post_start_before_healthy") switch
            {
                null or "false" or "False" or "no" => false,
                "true" or "True" or "yes" => true,
                var other => throw nodes.Error(map, $"container {key}: post_start_before_healthy must be true or false, not '{other}'"),
            },
            ReloadAfter = Get("reload_after") is { } reload ? nodes.TextList(reload, $"{key}.reload_after") : [],
            GaleraCluster = Optional("galera_cluster") switch
            {
                null or "false" or "False" or "no" => false,
                "true" or "True" or "yes" => true,
                var other => throw nodes.Error(map, $"container {key}: galera_cluster must be true or false, not '{other}'"),
            },
            GaleraClusterName = Optional("galera_cluster_name"),
            Prechecks = Get("prechecks") is { } prechecks ? ReadPrechecks(nodes, key, nodes.Mapping(prechecks, $"{key}.prechecks")) : ContainerPrechecks.None,
            Files = Get("files") is YSequence files
                ? files.Items.Select(f => ReadFile(nodes, key, nodes.Mapping(f, $"a file of {key}"))).ToArray()
                : [],
            ConfigJson = (Dictionary<string, object?>)nodes.Plain(nodes.Mapping(configJson, $"{key}.config_json"))!,
        };
    }

    private static ContainerPrechecks ReadPrechecks(YamlNodes nodes, string container, YMapping map)
    {
        CheckKeys(nodes, map, s_precheckKeys, $"{container}.prechecks");
        return new ContainerPrechecks
        {
            Ports = YamlNodes.Find(map, "ports") is { } ports ? nodes.TextList(ports, $"{container}.prechecks.ports") : [],
        };
    }

    private static RestartStrategy ReadRestart(YamlNodes nodes, YNode value) => nodes.Text(value, "restart") switch
    {
        "parallel" => RestartStrategy.Parallel,
        "serial" => RestartStrategy.Serial,
        "spec-change-only" => RestartStrategy.SpecChangeOnly,
        var other => throw nodes.Error(value, $"restart must be parallel, serial or spec-change-only, not '{other}'"),
    };

    private static ServiceFileDefinition ReadFile(YamlNodes nodes, string container, YMapping map)
    {
        CheckKeys(nodes, map, s_fileKeys, $"a file of {container}");
        string? Optional(string field) => nodes.OptionalText(map, field, $"{container}.files.{field}");
        var dest = Optional("dest") ?? throw nodes.Error(map, $"a file of {container} needs 'dest'");
        var merge = Optional("merge") switch
        {
            null or "ini" => FileMergeKind.Ini,
            "yaml" => FileMergeKind.Yaml,
            "first_found" => FileMergeKind.FirstFound,
            "template" => FileMergeKind.Template,
            "copy" => FileMergeKind.Copy,
            var other => throw nodes.Error(map, $"file {dest}: merge must be ini, yaml, first_found, template or copy, not '{other}'"),
        };
        var source = Optional("source");
        if ((merge == FileMergeKind.Copy) != (source is not null))
        {
            throw nodes.Error(map, $"file {dest}: 'source' goes with merge: copy, and merge: copy needs it");
        }

        return new ServiceFileDefinition
        {
            Dest = dest,
            Template = Optional("template"),
            Merge = merge,
            Overrides = YamlNodes.Find(map, "overrides") is { } o ? nodes.TextList(o, $"{dest}.overrides") : [],
            TemplateLast = Optional("template_last") is "true" or "True" or "yes",
            Mode = Optional("mode") ?? "0660",
            When = Optional("when") ?? "true",
            ExtendLists = Optional("extend_lists") is "true" or "True" or "yes",
            Source = source,
        };
    }

    private static BootstrapDefinition ReadBootstrap(YamlNodes nodes, YMapping map)
    {
        CheckKeys(nodes, map, s_bootstrapKeys, "a bootstrap job");
        string? Optional(string field) => nodes.OptionalText(map, field, $"bootstrap.{field}");
        var name = Optional("name") ?? throw nodes.Error(map, "a bootstrap job needs 'name'");
        return new BootstrapDefinition
        {
            Name = name,
            Container = Optional("container") ?? throw nodes.Error(map, $"bootstrap job {name} needs 'container'"),
            Environment = YamlNodes.Find(map, "environment") is { } env ? nodes.TextMap(env, $"{name}.environment") : [],
            Command = Optional("command"),
            Volumes = YamlNodes.Find(map, "volumes") is { } volumes ? nodes.TextList(volumes, $"{name}.volumes") : null,
            RunOnce = Optional("run_once") is not ("false" or "False" or "no"),
            TimeoutSeconds = Optional("timeout") is { } t && int.TryParse(t, out var seconds) ? seconds : 1800,
        };
    }

    private static void CheckKeys(YamlNodes nodes, YMapping map, HashSet<string> allowed, string what)
    {
        foreach (var (key, _, keyNode) in nodes.Entries(map))
        {
            if (!allowed.Contains(key))
            {
                throw nodes.Error(keyNode, $"unknown key '{key}' in {what} (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
            }
        }
    }
}
