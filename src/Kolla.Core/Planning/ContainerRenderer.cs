using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Kolla.Configuration;
using Kolla.Containers;
using Kolla.Manifests;
using Kolla.Services;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>Renders one container of one service for one host: spec, files, config.json, bootstraps.</summary>
internal sealed class ContainerRenderer(TemplateCache templates, OverrideTree overrides, OverrideTree certificates)
{
    /// <summary>Where the CA certificates go in a container's config directory, and where kolla_set_configs installs them from.</summary>
    private const string CaCertificatesDirectory = "ca-certificates";

    /// <summary>The CA certificates' mode in the config directory (kolla-ansible's).</summary>
    private const int CaCertificateMode = 0b110_100_100;

    /// <summary>Each container's kept results, by the definition's identity (the catalogue's one object per container).</summary>
    private readonly ConcurrentDictionary<ContainerDefinition, ContainerMemos> _memos = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<(string Name, RenderedFile Content)>? _caCertificates;

    public ContainerPlan Render(ServiceDefinition service, ContainerDefinition container, string host, ValueEvaluator values, bool runsBootstraps)
    {
        var where = $"{host}: {container.ContainerName}";
        var memos = _memos.GetOrAdd(container, c => new ContainerMemos(c.Files.Count));
        // What does not depend on the host is computed once and shared (see ScopeMemo): each file's bytes, config.json,
        // the spec; a host whose variables differ in what a part reads gets that part computed for it.
        var (nodeConfigDirectory, containerConfigDirectory) = Memo(memos.Directories, values, scope => (
            scope.Text("{{ node_config_directory }}").TrimEnd('/'),
            scope.Text("{{ container_config_directory }}").TrimEnd('/')));
        var configDirectory = $"{nodeConfigDirectory}/{container.Key}";

        var files = new List<PlannedFile>(container.Files.Count + 1);
        for (var index = 0; index < container.Files.Count; index++)
        {
            var file = container.Files[index];
            if (!memos.When[index].GetOrCompute(values.Scope, scope => values.With(scope).Bool(file.When)))
            {
                continue;
            }

            // The override files are looked up per host (their paths name it: config/<service>/<host>/...); the render is
            // shared between hosts that have the same overrides and agree in what the template reads.
            var overrideSources = OverrideSources(file, values, where);
            var content = memos.Files[index].GetOrAdd(Signature(overrideSources), _ => new ScopeMemo<RenderedFile?>())
                .GetOrCompute(values.Scope, scope => RenderFile(service, file, overrideSources, values.With(scope), where) is { } text ? RenderedFile.Of(text) : null);
            if (content is not null)
            {
                files.Add(content.At($"{configDirectory}/{file.Dest}", ParseMode(file.Mode, where)));
            }
        }

        var manifest = Memo(memos.Manifest, values, scope =>
        {
            var caCertificates = scope.Bool(service.CaCertificates);
            if (caCertificates)
            {
                CaCertificates(where);
            }

            var (manifest, text) = RenderManifest(service, container, scope, containerConfigDirectory, where, caCertificates);
            return new ManifestPart(caCertificates, manifest, RenderedFile.Of(text));
        });
        if (manifest.CaCertificates)
        {
            foreach (var (name, content) in CaCertificates(where))
            {
                files.Add(content.At($"{configDirectory}/{CaCertificatesDirectory}/{name}", CaCertificateMode));
            }
        }

        var produced = files.Select(f => f.Path[(configDirectory.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
        var problems = ConfigManifestValidator.Validate(manifest.Manifest, containerConfigDirectory, produced);
        if (problems.Count > 0)
        {
            throw new PlanningException($"{where}: config.json is invalid: {string.Join("; ", problems)}");
        }

        files.Add(manifest.Content.At($"{configDirectory}/config.json", HostFileModes.ConfigFile));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        var (spec, postStart) = Memo(memos.Spec, values, scope => new SpecPart(
            BuildSpec(container, scope, where),
            [.. container.PostStart.Select(scope.Text).Where(c => c.Trim().Length > 0)]));
        var bootstraps = runsBootstraps
            ? service.Bootstrap.Where(b => b.Container == container.Key).Select(b => BuildBootstrap(b, spec, values)).ToArray()
            : [];
        return new ContainerPlan(
            service.Name,
            container.Key,
            spec,
            configDirectory,
            files,
            ConfigHash(files, postStart),
            container.Restart ?? service.Restart,
            bootstraps)
        {
            PostStart = postStart,
            PostStartBeforeHealthy = container.PostStartBeforeHealthy,
            ReloadAfter = container.ReloadAfter,
            GaleraCluster = container.GaleraCluster,
        };
    }

    private static T Memo<T>(ScopeMemo<T> memo, ValueEvaluator values, Func<ValueEvaluator, T> compute) =>
        memo.GetOrCompute(values.Scope, scope => compute(values.With(scope)));

    /// <summary>One container's kept results: its directories, config.json, spec, and per file (by index) its condition and its bytes by override signature.</summary>
    private sealed class ContainerMemos(int files)
    {
        public ScopeMemo<(string Node, string Container)> Directories { get; } = new();

        public ScopeMemo<ManifestPart> Manifest { get; } = new();

        public ScopeMemo<SpecPart> Spec { get; } = new();

        public ScopeMemo<bool>[] When { get; } = [.. Enumerable.Range(0, files).Select(_ => new ScopeMemo<bool>())];

        public ConcurrentDictionary<string, ScopeMemo<RenderedFile?>>[] Files { get; } =
            [.. Enumerable.Range(0, files).Select(_ => new ConcurrentDictionary<string, ScopeMemo<RenderedFile?>>(StringComparer.Ordinal))];
    }

    /// <summary>A container's config.json, and whether the CA certificates go into its config directory.</summary>
    private sealed record ManifestPart(bool CaCertificates, ConfigManifest Manifest, RenderedFile Content);

    /// <summary>A container's spec and its post-start commands.</summary>
    private sealed record SpecPart(ContainerSpec Spec, IReadOnlyList<string> PostStart);

    /// <summary>The file's override sources on this host, in order (missing ones included: merges skip them).</summary>
    private List<ConfigSource> OverrideSources(ServiceFileDefinition file, ValueEvaluator values, string where)
    {
        try
        {
            return file.Overrides
                .Select(values.Text)
                .Select(relative => new ConfigSource(overrides.FullPath(relative), overrides.Read(relative)))
                .ToList();
        }
        catch (ConfigMergeException e)
        {
            throw new PlanningException($"{where}: {file.Dest}: {e.Message}", e);
        }
    }

    /// <summary>Which override sources exist and what they hold (their names only appear in errors).</summary>
    private static string Signature(List<ConfigSource> sources)
    {
        if (!sources.Exists(s => s.Exists))
        {
            // The common case: no override file. A file's number of sources is fixed, so one empty key stands for "none".
            return "";
        }

        var signature = new StringBuilder(sources.Count);
        foreach (var source in sources)
        {
            signature.Append(source.Exists ? '+' : '-');
        }

        foreach (var source in sources.Where(s => s.Exists))
        {
            signature.Append('\0').Append(source.Text);
        }

        return signature.ToString();
    }

    private string? RenderFile(ServiceDefinition service, ServiceFileDefinition file, List<ConfigSource> overrideSources, ValueEvaluator values, string where)
    {
        ConfigSource? template = file.Template is null
            ? null
            : new ConfigSource($"catalogue/{service.Name}/templates/{file.Template}", service.Templates[file.Template]);
        string Render(string name, string text) => templates.Render(name, text, values.Scope);
        try
        {
            switch (file.Merge)
            {
                case FileMergeKind.Template:
                    return template is null ? null : Render(template.Name, template.Text!);
                case FileMergeKind.Copy:
                    return Copy(values.Text(file.Source ?? throw new PlanningException($"{where}: {file.Dest}: merge: copy needs a source")), file.Dest, where);
                case FileMergeKind.FirstFound:
                    var first = overrideSources.FirstOrDefault(s => s.Exists) ?? template;
                    return first is null ? null : Render(first.Name, first.Text!);
                case FileMergeKind.Ini:
                case FileMergeKind.Yaml:
                    var sources = new List<ConfigSource>();
                    if (template is not null && !file.TemplateLast)
                    {
                        sources.Add(template);
                    }

                    sources.AddRange(overrideSources);
                    if (template is not null && file.TemplateLast)
                    {
                        sources.Add(template);
                    }

                    if (!sources.Any(s => s.Exists))
                    {
                        return null;
                    }

                    return file.Merge == FileMergeKind.Ini
                        ? IniWriter.Write(IniMerger.Merge(sources, new IniMergeOptions { Renderer = Render }), whitespace: true)
                        : YamlMerger.MergeToText(sources, new YamlMergeOptions { Renderer = Render, ExtendLists = file.ExtendLists });
                default:
                    throw new PlanningException($"{where}: unknown merge kind {file.Merge}");
            }
        }
        catch (KollaException e) when (e is not PlanningException)
        {
            throw new PlanningException($"{where}: {file.Dest}: {e.Message}", e);
        }
    }

    /// <summary>A file of <c>kolla_certificates_dir</c>, as read with the inputs; its absence is an error naming what makes it.</summary>
    private string Copy(string source, string dest, string where)
    {
        var relative = Path.GetRelativePath(certificates.Root.Length == 0 ? "/" : certificates.Root, Path.GetFullPath(source)).Replace('\\', '/');
        if (certificates.Root.Length == 0 || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new PlanningException($"{where}: {dest}: {source} is not in kolla_certificates_dir ({certificates.Root}); only files there are copied to the hosts");
        }

        return certificates.Read(relative)
            ?? throw new PlanningException($"{where}: {dest}: {source} does not exist; run `kolla certificates` to make it, or put your own there");
    }

    /// <summary>The files of <c>kolla_certificates_dir/ca/</c> by name below it, in order (read once per plan).</summary>
    private IReadOnlyList<(string Name, RenderedFile Content)> CaCertificates(string where)
    {
        if (_caCertificates is { } known)
        {
            return known;
        }

        var found = certificates.Files
            .Where(f => f.StartsWith("ca/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f["ca/".Length..], RenderedFile.Of(certificates.Read(f)!)))
            .ToList();
        return found.Count > 0
            ? _caCertificates = found
            : throw new PlanningException($"{where}: kolla_copy_ca_into_containers is set, but {Path.Combine(certificates.Root, "ca")} holds no certificate; run `kolla certificates`, or put your CA certificates there");
    }

    /// <summary>
    /// The container's config.json: written from the structured <c>config_json</c> mapping in the layout its
    /// <c>inline_close</c> names (kolla-ansible's common layout by default), or rendered from the catalogue template
    /// <c>config_json.template</c> (for layouts only a template produces) and read back, so it is validated the same way.
    /// </summary>
    private (ConfigManifest Manifest, string Text) RenderManifest(ServiceDefinition service, ContainerDefinition container, ValueEvaluator values, string containerConfigDirectory, string where, bool caCertificates)
    {
        if (container.ConfigJson.TryGetValue("template", out var name) && name is string template)
        {
            if (!service.Templates.TryGetValue(template, out var source))
            {
                throw new PlanningException($"{where}: config_json.template: no template '{template}' in catalogue/{service.Name}/templates");
            }

            var text = templates.Render($"catalogue/{service.Name}/templates/{template}", source, values.Scope);
            try
            {
                return (ConfigManifestReader.Read(text), text);
            }
            catch (FormatException e)
            {
                throw new PlanningException($"{where}: catalogue/{service.Name}/templates/{template}: {e.Message}", e);
            }
        }

        var layout = container.ConfigJson.TryGetValue("inline_close", out var inline) && inline is IEnumerable<object?> lists
            ? new ConfigManifestLayout(lists.Select(ValueEvaluator.Stringify).ToArray())
            : ConfigManifestLayout.KollaAnsible;
        var manifest = BuildManifest(container, values, containerConfigDirectory, where);
        // Last in config_files, as kolla-ansible's templates put it; a mapping with `ca_certificates: false` leaves it out
        // (kolla-ansible's template for that container lacks it, though the certificates are copied).
        if (caCertificates && !(container.ConfigJson.TryGetValue("ca_certificates", out var entry) && !values.Bool(entry, fallback: true)))
        {
            manifest = manifest with
            {
                ConfigFiles = [.. manifest.ConfigFiles, new ConfigFileEntry($"{containerConfigDirectory}/{CaCertificatesDirectory}", "/var/lib/kolla/share/ca-certificates", "root", "0644")],
            };
        }

        return (manifest, ConfigManifestWriter.Write(manifest, layout));
    }

    private static ConfigManifest BuildManifest(ContainerDefinition container, ValueEvaluator values, string containerConfigDirectory, string where)
    {
        var raw = container.ConfigJson;
        IEnumerable<Dictionary<string, object?>> Entries(string key) =>
            raw.TryGetValue(key, out var list) && list is IEnumerable<object?> items
                ? items.OfType<Dictionary<string, object?>>().Where(e => !e.TryGetValue("when", out var when) || values.Bool(when, fallback: true))
                : [];
        string? Field(Dictionary<string, object?> entry, string key) =>
            entry.TryGetValue(key, out var value) && value is not null ? ValueEvaluator.Stringify(values.Evaluate(value)) : null;
        bool Flag(Dictionary<string, object?> entry, string key) => entry.TryGetValue(key, out var value) && values.Bool(value, fallback: false);
        string Source(string source) => source.StartsWith('/') ? source : $"{containerConfigDirectory}/{source}";

        var command = raw.TryGetValue("command", out var c) && c is not null
            ? ValueEvaluator.Stringify(values.Evaluate(c))
            : throw new PlanningException($"{where}: config_json has no command");
        return new ConfigManifest(command)
        {
            ConfigFiles = Entries("config_files").Select(e => new ConfigFileEntry(
                Source(Field(e, "source") ?? throw new PlanningException($"{where}: a config_files entry has no source")),
                Field(e, "dest") ?? throw new PlanningException($"{where}: a config_files entry has no dest"),
                Field(e, "owner"),
                Field(e, "perm"))
            {
                Optional = Flag(e, "optional"),
                Merge = Flag(e, "merge"),
                PreserveProperties = Flag(e, "preserve_properties"),
            }).ToArray(),
            Directories = Entries("directories").Select(e => new ManifestPathEntry(Field(e, "path") ?? "", Field(e, "owner") ?? "", Field(e, "perm") ?? "")).ToArray(),
            Files = Entries("files").Select(e => new ManifestPathEntry(Field(e, "path") ?? "", Field(e, "owner") ?? "", Field(e, "perm") ?? "")).ToArray(),
            Permissions = Entries("permissions").Select(e => new PermissionEntry(Field(e, "path") ?? "", Field(e, "owner") ?? "", Field(e, "perm"))
            {
                Recurse = Flag(e, "recurse"),
                Exclude = e.TryGetValue("exclude", out var ex) && values.Evaluate(ex) is IEnumerable<object?> patterns
                    ? patterns.Select(ValueEvaluator.Stringify).ToArray()
                    : [],
            }).ToArray(),
        };
    }

    private static ContainerSpec BuildSpec(ContainerDefinition container, ValueEvaluator values, string where)
    {
        var environment = container.Environment
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : values.Text(p.Value)))
            .ToList();
        if (environment.All(p => p.Key != "KOLLA_CONFIG_STRATEGY"))
        {
            environment.Insert(0, KeyValuePair.Create("KOLLA_CONFIG_STRATEGY", (string?)values.Text("{{ config_strategy }}")));
        }

        string? Mode(string? raw) => values.OptionalText(raw) is { Length: > 0 } mode ? mode : null;
        return new ContainerSpec
        {
            Name = container.ContainerName,
            Image = values.Text(container.Image),
            Command = Mode(container.Command),
            Environment = environment,
            Volumes = container.Volumes.Select(values.Text).Where(v => v.Length > 0).ToArray(),
            Tmpfs = container.Tmpfs.Select(values.Text).Where(v => v.Length > 0).ToArray(),
            Privileged = values.Bool(container.Privileged),
            PidMode = Mode(container.PidMode),
            IpcMode = Mode(container.IpcMode),
            CgroupnsMode = Mode(container.CgroupnsMode),
            CapAdd = container.CapAdd.Select(values.Text).Where(v => v.Length > 0).ToArray(),
            SecurityOpt = container.SecurityOpt.Select(values.Text).Where(v => v.Length > 0).ToArray(),
            Labels = container.Labels.Select(l => KeyValuePair.Create(l.Key, values.Text(l.Value))).ToArray(),
            Dimensions = SpecValues.Dimensions(values.Evaluate(container.Dimensions), where, podman: values.Text("{{ kolla_container_engine }}") == "podman"),
            Healthcheck = SpecValues.Healthcheck(container.Healthcheck, values, where),
            RestartPolicy = values.OptionalText(container.RestartPolicy) ?? values.Text("{{ docker_restart_policy }}"),
            RestartRetries = int.Parse(values.Text("{{ docker_restart_policy_retry }}"), CultureInfo.InvariantCulture),
            GracefulTimeoutSeconds = int.Parse(values.Text("{{ docker_graceful_timeout }}"), CultureInfo.InvariantCulture),
        };
    }

    private static BootstrapPlan BuildBootstrap(BootstrapDefinition job, ContainerSpec container, ValueEvaluator values)
    {
        // As kolla-ansible's bootstrap tasks: the common options' KOLLA_CONFIG_STRATEGY and the job's own variables.
        var environment = container.Environment.Where(p => p.Key == "KOLLA_CONFIG_STRATEGY").ToList();
        foreach (var (key, value) in job.Environment)
        {
            environment.RemoveAll(p => p.Key == key);
            environment.Add(KeyValuePair.Create(key, value is null ? null : values.Text(value)));
        }

        var spec = new ContainerSpec
        {
            Name = job.Name,
            Image = container.Image,
            Command = values.OptionalText(job.Command),
            Environment = environment,
            Volumes = job.Volumes is { } volumes ? [.. volumes.Select(values.Text).Where(v => v.Length > 0)] : container.Volumes,
            Labels = [KeyValuePair.Create("BOOTSTRAP", "")],
            RestartPolicy = "oneshot",
            RestartRetries = container.RestartRetries,
            GracefulTimeoutSeconds = container.GracefulTimeoutSeconds,
            NetworkMode = container.NetworkMode,
        };
        return new BootstrapPlan(spec, TimeSpan.FromSeconds(job.TimeoutSeconds));
    }

    private static int ParseMode(string mode, string where) =>
        mode.Length is >= 3 and <= 4 && mode.All(ch => ch is >= '0' and <= '7')
            ? Convert.ToInt32(mode, 8)
            : throw new PlanningException($"{where}: file mode '{mode}' is not an octal string");

    /// <summary>Over the files, then the post-start commands (none: the hash of the files alone, as before they existed).</summary>
    private static string ConfigHash(IReadOnlyList<PlannedFile> files, IReadOnlyList<string> postStart)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(file.Path).Append('\0').Append(Convert.ToString(file.Mode, 8)).Append('\0').Append(file.Sha256).Append('\n');
        }

        foreach (var command in postStart)
        {
            text.Append("post_start\0").Append(command).Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
