using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kolla.Compat;
using Kolla.Hosts;
using Kolla.Passwords;
using Kolla.Planning;
using Kolla.Services;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>
/// Checks a deployment before anything changes (<c>kolla prechecks</c>): addresses and the VIP in the variables, a sane
/// inventory, complete passwords, a reachable and recent enough Docker engine on every host, and free ports on local
/// hosts. Returns a <see cref="PrecheckReport"/>; nothing is thrown for a failed check.
/// </summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>prechecks</c> action (its per-role <c>precheck.yml</c> tasks). Interfaces are checked
/// against each host's gathered facts (<see cref="DeploymentInputs.Facts"/>): every interface in use exists and is up, the api
/// interface has an address of <c>api_address_family</c>, and with HAProxy the VIP is none of the hosts' own addresses.
/// </remarks>
public sealed partial class PrecheckRunner
{
    private readonly IHostConnector _connector;
    private readonly PrecheckOptions _options;

    /// <summary>Creates the prechecks.</summary>
    /// <param name="connector">How hosts are reached (the dry-run connector skips the engine checks).</param>
    /// <param name="options">Minimum API version, local port reader, forks; null for defaults.</param>
    public PrecheckRunner(IHostConnector connector, PrecheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
        _options = options ?? new PrecheckOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Forks, 1, nameof(options));
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>
    /// Plans the deployment and runs every check. A plan that cannot be made (an undefined variable, a group a template
    /// needs) is reported as a failed <c>plan</c> check next to the input checks, so the cause is shown with it.
    /// </summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="planOptions">Limit, tags and precedence for the plan; null for everything.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The findings.</returns>
    public async Task<PrecheckReport> RunAsync(DeploymentInputs inputs, PlanOptions? planOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        DeploymentPlan plan;
        try
        {
            plan = DeploymentPlanner.Plan(inputs, planOptions);
        }
        catch (KollaException e)
        {
            return CheckInputs(inputs, null, _options, planOptions).Concat(new PrecheckReport([new("plan", PrecheckStatus.Failed, e.Message)]));
        }

        return await RunAsync(inputs, plan, planOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every check: first those of the inputs (<see cref="CheckInputs"/>), then those of each host that runs containers.</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="plan">The plan made from them (its hosts and services are the ones checked).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The findings.</returns>
    public Task<PrecheckReport> RunAsync(DeploymentInputs inputs, DeploymentPlan plan, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, plan, null, cancellationToken);

    private async Task<PrecheckReport> RunAsync(DeploymentInputs inputs, DeploymentPlan plan, PlanOptions? planOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(plan);
        var report = CheckInputs(inputs, plan, _options, planOptions);
        var context = DeploymentVariables.Create(inputs, _options.GlobalsPrecedence);
        var hosts = plan.Hosts.Where(h => h.Containers.Count > 0).ToList();
        var perHost = new List<PrecheckResult>[hosts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Forks, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, hosts.Count), parallel, async (i, token) =>
            perHost[i] = await CheckHostAsync(hosts[i], context, token).ConfigureAwait(false)).ConfigureAwait(false);
        return report.Concat(new PrecheckReport([.. perHost.SelectMany(r => r)]));
    }

    /// <summary>The checks that need no host: addresses and VIP, inventory, passwords (pure).</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="plan">The plan made from them, or null when none could be made (then every inventory host and catalogue service is checked).</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="planOptions">The services selected (<c>--tags</c>, <c>--skip-tags</c>) whose inventory groups must exist; null for every service.</param>
    /// <returns>The findings.</returns>
    public static PrecheckReport CheckInputs(DeploymentInputs inputs, DeploymentPlan? plan = null, PrecheckOptions? options = null, PlanOptions? planOptions = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new PrecheckOptions();
        var context = DeploymentVariables.Create(inputs, options.GlobalsPrecedence);
        var renderer = new TemplateRenderer();
        var results = new List<PrecheckResult>();
        var hosts = plan?.Hosts.Where(h => h.Containers.Count > 0).Select(h => h.Host).ToList() ?? PlacedHosts(inputs);
        var selected = inputs.Catalogue.Services
            .Where(s => planOptions is null || planOptions.Tags.Count == 0 || planOptions.Tags.Contains(s.Name, StringComparer.Ordinal))
            .Where(s => planOptions is null || !planOptions.SkipTags.Contains(s.Name, StringComparer.Ordinal))
            .ToList();
        var services = plan?.ServiceOrder ?? [.. selected.Select(s => s.Name)];
        CheckAddresses(hosts, context, renderer, results);
        CheckInventory(inputs, selected, context, renderer, results);
        CheckPasswords(inputs, services, results);
        UnimplementedPrechecks.Check(inputs, options, results);
        return new PrecheckReport(results);
    }

    private static void CheckAddresses(IReadOnlyList<string> hosts, VariableContext context, TemplateRenderer renderer, List<PrecheckResult> results)
    {
        const string Check = "addresses";
        var common = Scope(context, hosts.FirstOrDefault());
        var vip = Text(renderer, common, "kolla_internal_vip_address");
        var haproxy = Bool(renderer, common, "enable_haproxy") ?? false;
        if (string.IsNullOrWhiteSpace(vip))
        {
            results.Add(new(Check, PrecheckStatus.Failed, "kolla_internal_vip_address is not set (globals.yml): every internal endpoint uses it"));
        }
        else if (!IPAddress.TryParse(vip, out _))
        {
            results.Add(new(Check, PrecheckStatus.Failed, $"kolla_internal_vip_address must be an IP address, got '{vip}' (globals.yml)"));
        }
        else
        {
            var owner = haproxy ? hosts.FirstOrDefault(h => HostAddresses(context.ForHost(h)).Contains(vip) || Text(renderer, context.ForHost(h), "api_interface_address") == vip) : null;
            results.Add(owner is null
                ? new(Check, PrecheckStatus.Passed, $"kolla_internal_vip_address is {vip}")
                : new(Check, PrecheckStatus.Failed, $"kolla_internal_vip_address {vip} is an address of host {owner}; with enable_haproxy the VIP must be an unused address", owner));
        }

        if (Text(renderer, common, "kolla_external_vip_address") is { Length: > 0 } external && external != vip && !IPAddress.TryParse(external, out _))
        {
            results.Add(new(Check, PrecheckStatus.Failed, $"kolla_external_vip_address must be an IP address, got '{external}' (globals.yml)"));
        }

        // Hosts that run nothing (the deployment host) are not passed in: they need no address.
        foreach (var host in hosts)
        {
            var scope = context.ForHost(host);
            var failed = false;
            var checkedNics = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in (string[])["network_interface", "api_interface", "tunnel_interface", "migration_interface"])
            {
                var nic = Text(renderer, scope, name);
                if (nic is not null && !checkedNics.Add(nic))
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(nic))
                {
                    if (name is "network_interface" or "api_interface")
                    {
                        results.Add(new(Check, PrecheckStatus.Failed, $"{host}: {name} is not set (globals.yml or the inventory)", host));
                        failed = true;
                    }

                    continue;
                }

                if (InterfaceFacts(scope, nic) is not { } facts)
                {
                    if (scope.TryGetVariable("ansible_facts", out var all) && all is IReadOnlyDictionary<string, object?>)
                    {
                        results.Add(new(Check, PrecheckStatus.Failed, $"{host}: {name} '{nic}' is not an interface of the host", host));
                        failed = true;
                    }

                    continue;
                }

                if (facts.TryGetValue("active", out var active) && active is false)
                {
                    results.Add(new(Check, PrecheckStatus.Failed, $"{host}: {name} '{nic}' is not active (down)", host));
                    failed = true;
                }
            }

            if (failed)
            {
                continue;
            }

            var (address, error) = TextOrError(renderer, scope, "api_interface_address");
            if (error is not null || string.IsNullOrWhiteSpace(address))
            {
                var nic = Text(renderer, scope, "api_interface");
                results.Add(new(Check, PrecheckStatus.Failed, $"{host}: no api address on api_interface '{nic}': {error ?? "empty"}", host));
            }
            else if (!IPAddress.TryParse(address, out _))
            {
                results.Add(new(Check, PrecheckStatus.Warning, $"{host}: api_interface_address '{address}' is not an IP address; services bind to it", host));
            }
            else
            {
                results.Add(new(Check, PrecheckStatus.Passed, $"{host}: api_interface_address is {address}", host));
            }
        }
    }

    /// <summary>The facts of interface <paramref name="nic"/> (Ansible names it with '-' as '_'), or null.</summary>
    private static IReadOnlyDictionary<string, object?>? InterfaceFacts(IVariableScope scope, string nic) =>
        scope.TryGetVariable("ansible_facts", out var all) && all is IReadOnlyDictionary<string, object?> facts
            && facts.TryGetValue(nic.Replace('-', '_'), out var value) && value is IReadOnlyDictionary<string, object?> map
            ? map
            : null;

    /// <summary>Every address the host's facts list (<c>all_ipv4_addresses</c>, <c>all_ipv6_addresses</c>).</summary>
    private static HashSet<string> HostAddresses(IVariableScope scope)
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        if (scope.TryGetVariable("ansible_facts", out var all) && all is IReadOnlyDictionary<string, object?> facts)
        {
            foreach (var key in (string[])["all_ipv4_addresses", "all_ipv6_addresses"])
            {
                if (facts.TryGetValue(key, out var list) && list is IEnumerable<object?> items)
                {
                    addresses.UnionWith(items.OfType<string>());
                }
            }
        }

        return addresses;
    }

    private static (string? Value, string? Error) TextOrError(TemplateRenderer renderer, IVariableScope scope, string name)
    {
        try
        {
            return (renderer.TryResolveVariable(scope, name, out var value) && value is not null ? ValueEvaluator.Stringify(value) : null, null);
        }
        catch (KollaException e)
        {
            return (null, e.Message);
        }
    }

    private static void CheckInventory(DeploymentInputs inputs, IReadOnlyList<ServiceDefinition> services, VariableContext context, TemplateRenderer renderer, List<PrecheckResult> results)
    {
        const string Check = "inventory";
        var inventory = inputs.Inventory;
        var before = results.Count;
        foreach (var warning in inventory.Warnings)
        {
            results.Add(new(Check, PrecheckStatus.Warning, warning));
        }

        foreach (var host in inventory.Hosts.Where(h => IPAddress.TryParse(h.Name, out _)))
        {
            results.Add(new(Check, PrecheckStatus.Warning, $"host '{host.Name}' is named by its IP address; use a host name and set ansible_host (services such as OVN and RabbitMQ use the name as an identity)", host.Name));
        }

        var scope = Scope(context, inventory.Hosts.FirstOrDefault()?.Name);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            foreach (var container in service.Containers.Where(c => c.Group != Inventory.InventoryGroup.AllName && c.HostInGroups is null))
            {
                if (!IsEnabled(renderer, scope, container) || !reported.Add(container.Group))
                {
                    continue;
                }

                if (!inventory.Groups.TryGetValue(container.Group, out var group))
                {
                    results.Add(new(Check, PrecheckStatus.Failed, $"group '{container.Group}' is not in the inventory, but the enabled container {container.ContainerName} ({service.Name}) runs on it; add the group (it may be empty)"));
                }
                else if (group.Hosts.Count == 0)
                {
                    results.Add(new(Check, PrecheckStatus.Warning, $"group '{container.Group}' is empty: the enabled container {container.ContainerName} ({service.Name}) runs nowhere"));
                }
            }
        }

        if (results.Count == before)
        {
            results.Add(new(Check, PrecheckStatus.Passed, $"{inventory.Hosts.Count} host(s); every group the enabled services use exists"));
        }
    }

    private static void CheckPasswords(DeploymentInputs inputs, IReadOnlyList<string> services, List<PrecheckResult> results)
    {
        const string Check = "passwords";
        var catalogue = inputs.Catalogue;
        var defaults = new Dictionary<string, object?>(catalogue.CommonDefaults, StringComparer.Ordinal);
        foreach (var service in catalogue.Services)
        {
            foreach (var (key, value) in service.Defaults)
            {
                defaults[key] = value;
            }
        }

        var keys = inputs.Passwords.Keys.Concat(PasswordCatalog.BuiltInKeys).ToHashSet(StringComparer.Ordinal);
        var usedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in services.Select(catalogue.Find).OfType<ServiceDefinition>())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>(Identifiers(ServiceText(service)));
            while (pending.TryDequeue(out var name))
            {
                if (!seen.Add(name))
                {
                    continue;
                }

                if (keys.Contains(name))
                {
                    usedBy.TryAdd(name, service.Name);
                }

                if (defaults.TryGetValue(name, out var value))
                {
                    foreach (var inner in Identifiers(Texts(value)))
                    {
                        pending.Enqueue(inner);
                    }
                }
            }
        }

        var before = results.Count;
        foreach (var (key, service) in usedBy.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (PasswordCatalog.KindOf(key) == PasswordKind.AlwaysBlank)
            {
                continue;
            }

            if (!inputs.Passwords.TryGetValue(key, out var value))
            {
                results.Add(new(Check, PrecheckStatus.Failed, $"'{key}' (used by {service}) is missing from passwords.yml; add the key and run kolla genpwd"));
            }
            else if (IsEmpty(value))
            {
                results.Add(new(Check, PrecheckStatus.Failed, $"'{key}' (used by {service}) is empty in passwords.yml; run kolla genpwd"));
            }
        }

        if (results.Count == before)
        {
            results.Add(new(Check, PrecheckStatus.Passed, $"{usedBy.Count} password(s) the selected services use are set"));
        }
    }

    private async Task<List<PrecheckResult>> CheckHostAsync(HostPlan host, VariableContext context, CancellationToken cancellationToken)
    {
        var results = new List<PrecheckResult>();
        IHostConnection connection;
        try
        {
            connection = await _connector.ConnectAsync(host.Target, cancellationToken).ConfigureAwait(false);
        }
        catch (KollaException e)
        {
            results.Add(new("docker", PrecheckStatus.Failed, $"{host.Host}: cannot reach the host and its Docker engine: {WithoutHost(e.Message, host.Host)}", host.Host));
            return results;
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                results.Add(await CheckEngineAsync(host, connection, cancellationToken).ConfigureAwait(false));
                results.AddRange(await CheckPortsAsync(host, connection, context, cancellationToken).ConfigureAwait(false));
            }
            catch (KollaException e)
            {
                results.Add(new("docker", PrecheckStatus.Failed, $"{host.Host}: {WithoutHost(e.Message, host.Host)}", host.Host));
            }
        }

        return results;
    }

    private async Task<PrecheckResult> CheckEngineAsync(HostPlan host, IHostConnection connection, CancellationToken cancellationToken)
    {
        const string Check = "docker";
        var version = connection.Containers is IContainerEngineInfo info
            ? await info.GetEngineVersionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (version is null)
        {
            return new(Check, PrecheckStatus.Skipped, $"{host.Host}: engine version unknown (the executor does not report it)", host.Host);
        }

        var minimum = _options.MinimumDockerApiVersion;
        return version.ApiVersion >= minimum
            ? new(Check, PrecheckStatus.Passed, $"{host.Host}: Docker {version.Version} (API {version.ApiVersion}) is reachable", host.Host)
            : new(Check, PrecheckStatus.Failed, $"{host.Host}: Docker {version.Version} speaks API {version.ApiVersion}, older than the minimum {minimum}; upgrade the engine", host.Host);
    }

    private async Task<List<PrecheckResult>> CheckPortsAsync(HostPlan host, IHostConnection connection, VariableContext context, CancellationToken cancellationToken)
    {
        const string Check = "ports";
        if (host.Target.Connection != "local" || _options.LocalPorts is null)
        {
            return [new(Check, PrecheckStatus.Skipped, $"{host.Host}: ports are checked on local hosts only (ansible_connection=local)", host.Host)];
        }

        var running = (await connection.Containers.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Status == "running")
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);
        var listeners = await _options.LocalPorts.ReadAsync(cancellationToken).ConfigureAwait(false);
        var renderer = new TemplateRenderer();
        var scope = context.ForHost(host.Host);
        var address = Text(renderer, scope, "api_interface_address");
        IPAddress.TryParse(address, out var ip);
        var results = new List<PrecheckResult>();
        var checkedPorts = new HashSet<int>();
        foreach (var container in host.Containers.Where(c => !running.Contains(c.Spec.Name)))
        {
            foreach (var expression in _options.Ports.GetValueOrDefault(container.Key) ?? [])
            {
                if (Port(renderer, scope, expression) is not { } port || !checkedPorts.Add(port))
                {
                    continue;
                }

                var busy = listeners.FirstOrDefault(l => l.Port == port && (ip is null || l.Address.Equals(ip) || l.Address.Equals(IPAddress.Any) || l.Address.Equals(IPAddress.IPv6Any)
                    || (l.Address.IsIPv4MappedToIPv6 && l.Address.MapToIPv4().Equals(ip))));
                if (busy is not null)
                {
                    results.Add(new(Check, PrecheckStatus.Failed, $"{host.Host}: port {port} ({expression}) is in use on {busy.Address}, but {container.Spec.Name} is not running there yet", host.Host));
                }
            }
        }

        if (results.Count == 0)
        {
            results.Add(new(Check, PrecheckStatus.Passed, $"{host.Host}: {checkedPorts.Count} port(s) free for the containers not running yet", host.Host));
        }

        return results;
    }

    /// <summary>Without a plan: the hosts in a group some catalogue container runs on.</summary>
    private static List<string> PlacedHosts(DeploymentInputs inputs)
    {
        var groups = inputs.Catalogue.Services.SelectMany(s => s.Containers).Select(c => c.Group).ToHashSet(StringComparer.Ordinal);
        return [.. inputs.Inventory.Hosts.Where(h => groups.Any(h.IsInGroup)).Select(h => h.Name)];
    }

    private static string WithoutHost(string message, string host) =>
        message.StartsWith(host + ": ", StringComparison.Ordinal) ? message[(host.Length + 2)..] : message;

    private static IVariableScope Scope(VariableContext context, string? host) =>
        host is not null && context.TryGetHost(host, out var scope) ? scope : context.Common;

    private static string? Text(TemplateRenderer renderer, IVariableScope scope, string name) => TextOrError(renderer, scope, name).Value;

    private static bool? Bool(TemplateRenderer renderer, IVariableScope scope, string name)
    {
        try
        {
            return renderer.TryResolveVariable(scope, name, out var value) && AnsibleBoolean.TryParse(value, out var result) ? result : null;
        }
        catch (KollaException)
        {
            return null;
        }
    }

    private static int? Port(TemplateRenderer renderer, IVariableScope scope, string expression)
    {
        try
        {
            var value = expression.Contains("{{", StringComparison.Ordinal)
                ? renderer.Render(expression, "port", scope)
                : renderer.TryResolveVariable(scope, expression, out var resolved) ? ValueEvaluator.Stringify(resolved) : null;
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;
        }
        catch (KollaException)
        {
            return null;
        }
    }

    private static bool IsEnabled(TemplateRenderer renderer, IVariableScope scope, ContainerDefinition container)
    {
        try
        {
            return new ValueEvaluator(renderer, scope, container.ContainerName).Bool(container.Enabled);
        }
        catch (KollaException)
        {
            // An expression that needs per-host values: assume enabled, so a missing group is still reported.
            return true;
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault("private_key") is null or "",
        _ => false,
    };

    private static IEnumerable<string> ServiceText(ServiceDefinition service)
    {
        foreach (var text in service.Templates.Values)
        {
            yield return text;
        }

        foreach (var container in service.Containers)
        {
            foreach (var text in Texts(container.Environment.Select(e => e.Value)).Concat(container.Volumes).Concat(Texts(container.ConfigJson)).Concat(Texts(container.Healthcheck)))
            {
                yield return text;
            }

            foreach (var file in container.Files)
            {
                yield return file.When;
            }

            if (container.Command is { } command)
            {
                yield return command;
            }
        }

        foreach (var job in service.Bootstrap)
        {
            foreach (var text in Texts(job.Environment.Select(e => e.Value)))
            {
                yield return text;
            }

            if (job.Command is { } command)
            {
                yield return command;
            }
        }
    }

    private static IEnumerable<string> Texts(object? value)
    {
        switch (value)
        {
            case string s:
                yield return s;
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var text in map.SelectMany(p => Texts(p.Value)))
                {
                    yield return text;
                }

                break;
            case System.Collections.IEnumerable list:
                foreach (var item in list)
                {
                    foreach (var text in Texts(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> Identifiers(IEnumerable<string> texts) =>
        texts.SelectMany(t => Identifier().Matches(t).Select(m => m.Value));
}
