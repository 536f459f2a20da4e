using System.Text.RegularExpressions;
using Kolla.Services;
using Kolla.TestKit;

namespace Kolla.Tests.Services;

/// <summary>Checks every built-in definition against the rules kolla_set_configs and our template engine impose.</summary>
public sealed partial class CatalogueConsistencyTests
{
    private static readonly ServiceCatalogue s_catalogue = ServiceCatalogueLoader.LoadBuiltIn();

    public static TheoryData<string> ServiceNames => new(s_catalogue.Services.Select(s => s.Name));

    [Fact]
    public void NovaScheduler_ReloadsAfterTheCellIsCreated()
    {
        // kolla-ansible's "Refresh nova scheduler cell cache": a scheduler started before cell1 exists never schedules to it.
        var nova = s_catalogue.Find("nova")!;

        nova.Containers.Single(c => c.Key == "nova-scheduler").ReloadAfter.Should().Equal("create_cell_nova");
        nova.Containers.Where(c => c.Key != "nova-scheduler").Should().OnlyContain(c => c.ReloadAfter.Count == 0);
    }

    [Fact]
    public void MariaDb_FormsANewGaleraCluster_OnlyItsServerDoes()
    {
        // kolla-ansible's bootstrap_cluster: a new multi-node cluster starts from its first node with --wsrep-new-cluster.
        s_catalogue.Services.SelectMany(s => s.Containers).Where(c => c.GaleraCluster).Select(c => c.Key).Should().Equal("mariadb");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Config_JsonEntriesAreCompleteAndPointAtProducedFiles(string service)
    {
        // A config.json rendered from a template (config_json.template) is read back and validated when it renders.
        foreach (var container in s_catalogue.Find(service)!.Containers.Where(c => !c.ConfigJson.ContainsKey("template")))
        {
            var where = $"{service}/{container.Key}";
            container.ConfigJson.Should().ContainKey("command", where);
            (container.ConfigJson["command"] as string).Should().NotBeNullOrWhiteSpace(where);
            var produced = container.Files.Select(f => f.Dest).ToList();
            foreach (var entry in Entries(container, "config_files"))
            {
                entry.Keys.Should().BeSubsetOf(["source", "dest", "owner", "perm", "optional", "merge", "preserve_properties", "when"], where);
                var source = (string)entry["source"]!;
                var dest = (string)entry["dest"]!;
                (dest.StartsWith('/') || dest.StartsWith("{{ ", StringComparison.Ordinal)).Should().BeTrue($"{where}: {dest} must be absolute");
                (entry["owner"] as string).Should().NotBeNullOrEmpty($"{where}: {source}");
                (entry["perm"] as string).Should().MatchRegex("^[0-7]{4}$", $"{where}: {source}");
                var optional = entry.GetValueOrDefault("optional") is "true";
                if (!optional)
                {
                    produced.Should().Contain(p => p == source || (source.EndsWith('/') && p.StartsWith(source, StringComparison.Ordinal)), $"{where}: source {source} must be a file the container receives");
                }
            }

            foreach (var section in new[] { "directories", "files" })
            {
                foreach (var entry in Entries(container, section))
                {
                    (entry["path"] as string).Should().StartWith("/", where);
                    (entry["owner"] as string).Should().NotBeNullOrEmpty(where);
                    (entry["perm"] as string).Should().MatchRegex("^[0-7]{4}$", where);
                }
            }

            foreach (var entry in Entries(container, "permissions"))
            {
                (entry["path"] as string).Should().StartWith("/", where);
                (entry["owner"] as string).Should().NotBeNullOrEmpty(where);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_RenderedFileIsCopiedByConfigJson(string service)
    {
        var definition = s_catalogue.Find(service)!;
        foreach (var container in definition.Containers)
        {
            if (ConfigJsonTemplate(service, container) is { } template)
            {
                // A layout only a template gives: the template names every file the container receives.
                foreach (var file in container.Files)
                {
                    // the file itself, or the directory holding it (users/, services.d/)
                    var copied = file.Dest.Contains('/', StringComparison.Ordinal) ? file.Dest[..file.Dest.LastIndexOf('/')] : file.Dest;
                    template.Should().Contain(copied, $"{service}/{container.Key}: config_json.template must copy {file.Dest}");
                }

                continue;
            }

            var sources = Entries(container, "config_files").Select(e => (string)e["source"]!).ToList();
            foreach (var file in container.Files)
            {
                sources.Should().Contain(s => s == file.Dest || (s.EndsWith('/') && file.Dest.StartsWith(s, StringComparison.Ordinal)), $"{service}/{container.Key} renders {file.Dest}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Containers_MountTheirConfigDirectoryReadOnlyFirst(string service)
    {
        foreach (var container in s_catalogue.Find(service)!.Containers)
        {
            container.Volumes.Should().NotBeEmpty();
            container.Volumes[0].Should().Be($"{{{{ node_config_directory }}}}/{container.Key}/:{{{{ container_config_directory }}}}/:ro");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Healthchecks_AreShellTests(string service)
    {
        foreach (var container in s_catalogue.Find(service)!.Containers.Where(c => c.Healthcheck is not null))
        {
            var healthcheck = (IReadOnlyDictionary<string, object?>)container.Healthcheck!;
            healthcheck.Keys.Should().BeSubsetOf(["test", "interval", "timeout", "retries", "start_period"]);
            var test = ((IEnumerable<object?>)healthcheck["test"]!).Cast<string>().ToList();
            test.Should().HaveCount(2);
            test[0].Should().Be("CMD-SHELL");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Templates_AndExpressionsStayInTheSupportedJinjaSubset(string service)
    {
        var definition = s_catalogue.Find(service)!;
        foreach (var (name, text) in definition.Templates)
        {
            JinjaSubset.Problems(text).Should().BeEmpty($"{service}/templates/{name}");
        }

        foreach (var text in DefinitionStrings(definition))
        {
            JinjaSubset.Problems(text).Should().BeEmpty($"{service}/service.yml: {text}");
        }
    }

    [Fact]
    public void Common_DefaultsStayInTheSupportedJinjaSubset()
    {
        foreach (var (name, value) in s_catalogue.CommonDefaults)
        {
            foreach (var text in Strings(value))
            {
                JinjaSubset.Problems(text).Should().BeEmpty($"defaults.yml: {name}");
            }
        }
    }

    [Fact]
    public void Secrets_UseTheNamesOfKollaPasswordsYml()
    {
        var passwords = File.ReadAllLines(Path.Combine(RepositoryPaths.KollaAnsibleInputs, "passwords.yml"))
            .Select(l => PasswordKey().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        passwords.Should().Contain(["keystone_admin_password", "database_password", "rabbitmq_password"]);
        var defined = s_catalogue.CommonDefaults.Keys.Concat(s_catalogue.Services.SelectMany(s => s.Defaults.Keys)).ToHashSet(StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in s_catalogue.Services)
        {
            foreach (var text in definition.Templates.Values.Concat(DefinitionStrings(definition)).Concat(definition.Defaults.Values.SelectMany(Strings)))
            {
                foreach (Match jinja in JinjaSpan().Matches(text))
                {
                    foreach (Match m in SecretName().Matches(jinja.Value))
                    {
                        used.Add(m.Value);
                    }
                }
            }
        }

        used.Should().Contain(["keystone_database_password", "nova_api_database_password", "metadata_secret", "memcache_secret_key", "rabbitmq_cluster_cookie", "keystone_ssh_key", "nova_ssh_key"]);
        used.Where(name => !passwords.Contains(name) && !defined.Contains(name)).Should().BeEmpty("every secret must be one kolla's passwords.yml defines");
    }

    [Fact]
    public void Database_UrlsUseTheServicePasswordAndTheDatabaseAddress()
    {
        var expected = new Dictionary<string, string>
        {
            ["keystone/keystone.conf.j2"] = "keystone_database_password",
            ["glance/glance-api.conf.j2"] = "glance_database_password",
            ["placement/placement.conf.j2"] = "placement_database_password",
            ["nova/nova.conf.j2"] = "nova_api_database_password",
            ["nova/nova-cell.conf.j2"] = "nova_database_password",
            ["neutron/neutron.conf.j2"] = "neutron_database_password",
        };
        foreach (var (path, password) in expected)
        {
            var (service, template) = (path.Split('/')[0], path.Split('/')[1]);
            var text = s_catalogue.Find(service)!.Templates[template];
            text.Should().Contain($":{{{{ {password} }}}}@", path);
            text.Should().Contain("connection = mysql+pymysql://", path);
            if (service != "placement")
            {
                text.Should().Contain("transport_url = {{ rpc_transport_url }}", path);
            }
        }

        foreach (var (service, template, user) in new[]
        {
            ("glance", "glance-api.conf.j2", "glance"), ("placement", "placement.conf.j2", "placement"),
            ("nova", "nova.conf.j2", "nova"), ("neutron", "neutron.conf.j2", "neutron"),
        })
        {
            var text = s_catalogue.Find(service)!.Templates[template];
            text.Should().Contain("[keystone_authtoken]");
            text.Should().Contain("www_authenticate_uri = {{ keystone_public_url }}");
            text.Should().Contain("auth_url = {{ keystone_internal_url }}");
            text.Should().Contain($"password = {{{{ {user}_keystone_password }}}}");
            text.Should().Contain("memcached_servers = {% for host in groups['memcached'] %}{{ 'api' | kolla_address(host)");
        }
    }

    private static string? ConfigJsonTemplate(string service, ContainerDefinition container) =>
        container.ConfigJson.GetValueOrDefault("template") is string name
            ? s_catalogue.Find(service)!.Templates.GetValueOrDefault(name) ?? throw new InvalidOperationException($"{service}: no template {name}")
            : null;

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Entries(ContainerDefinition container, string section) =>
        container.ConfigJson.GetValueOrDefault(section) is IEnumerable<object?> list
            ? list.Cast<IReadOnlyDictionary<string, object?>>()
            : [];

    private static IEnumerable<string> DefinitionStrings(ServiceDefinition definition)
    {
        foreach (var c in definition.Containers)
        {
            foreach (var s in new[] { c.Group, c.HostInGroups, c.Enabled, c.Image, c.Privileged, c.PidMode, c.IpcMode, c.CgroupnsMode, c.Command, c.RestartPolicy })
            {
                if (s is not null)
                {
                    yield return s;
                }
            }

            foreach (var s in c.Volumes.Concat(c.PostStart).Concat(c.Environment.Select(e => e.Value ?? "")).Concat(Strings(c.Healthcheck)).Concat(Strings(c.Dimensions)).Concat(Strings(c.ConfigJson)))
            {
                yield return s;
            }

            foreach (var f in c.Files)
            {
                yield return f.When;
                foreach (var o in f.Overrides)
                {
                    yield return o;
                }
            }
        }

        foreach (var b in definition.Bootstrap)
        {
            foreach (var s in b.Environment.Select(e => e.Value ?? "").Append(b.Command ?? ""))
            {
                yield return s;
            }
        }
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        IReadOnlyDictionary<string, object?> map => map.Values.SelectMany(Strings),
        IEnumerable<object?> list => list.SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"\{[{%].*?[}%]\}", RegexOptions.Singleline)]
    private static partial Regex JinjaSpan();

    [GeneratedRegex(@"^([a-z0-9_]+):")]
    private static partial Regex PasswordKey();

    [GeneratedRegex(@"\b[a-z0-9_]+_(password|secret|secret_key|cookie|ssh_key)\b")]
    private static partial Regex SecretName();
}
