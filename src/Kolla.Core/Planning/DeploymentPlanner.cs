using Kolla.Inventory;
using Kolla.Passwords;
using Kolla.Services;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>
/// Computes the desired state of a deployment: for every selected host, the containers placed on it (by inventory
/// groups and <c>enable_*</c> flags) with their specs, rendered files and <c>config.json</c>, in deploy order.
/// </summary>
/// <remarks>
/// Pure and deterministic: the same inputs give byte-identical plans, whatever the machine or working directory.
/// Counterpart of kolla-ansible's config tasks plus the container definitions of each role (what <c>genconfig</c>
/// writes and <c>deploy</c> compares against).
/// </remarks>
internal static class DeploymentPlanner
{
    /// <summary>Plans the deployment.</summary>
    /// <exception cref="PlanningException">A template, merge or definition failed; the message names host, container, file and line.</exception>
    /// <exception cref="InventoryException">The <see cref="PlanOptions.Limit"/> pattern matches no host.</exception>
    public static DeploymentPlan Plan(DeploymentInputs inputs, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var secrets = SecretValues(inputs.Passwords, inputs.Certificates);
        // Templates follow the passwords through what they compute, so values derived from one are masked too.
        // Evaluated variable values are shared between hosts and renders (the plan's variables do not change meanwhile).
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets(secrets), ShareValues = true });
        try
        {
            return PlanHosts(inputs, options, renderer, secrets);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(i => i is KollaException) is { } first)
        {
            // Hosts are planned in parallel; report the first input error as itself (one clear line), not as an aggregate.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
        catch (KollaException e) when (ExtraVarsErrors.Restate(e, inputs) is { } restated)
        {
            // Named at its -e source; still masked, as every planning error is.
            throw Masked(restated.Message, renderer.DerivedSecrets) is { } hidden ? new PlanningException(hidden) : restated;
        }
        catch (KollaException e) when (Masked(e.Message, renderer.DerivedSecrets) is { } masked)
        {
            // An error that quotes rendered text (a merge error naming a line) must not carry a value derived from a secret.
            throw new PlanningException(masked);
        }
    }

    private static DeploymentPlan PlanHosts(DeploymentInputs inputs, PlanOptions? options, TemplateRenderer renderer, IReadOnlyCollection<string> secrets)
    {
        options ??= PlanOptions.All;
        var inventory = inputs.Inventory;
        var context = DeploymentVariables.Create(inputs, options.GlobalsPrecedence);
        var selectedHosts = options.Limit is { Length: > 0 } limit
            ? inventory.Select(limit).Select(h => h.Name).ToHashSet(StringComparer.Ordinal)
            : inventory.Hosts.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var hosts = inventory.Hosts.Where(h => selectedHosts.Contains(h.Name)).ToList();
        var services = SelectServices(inputs.Catalogue, options);
        var cache = new TemplateCache(renderer);
        var containers = new ContainerRenderer(cache, inputs.Overrides, inputs.Certificates);

        // Placement first (cheap), so one-shot jobs can run on the first placed host only: by host and container index.
        var all = services.SelectMany(s => s.Containers.Select(c => (Service: s, Container: c))).ToArray();
        var placement = new bool[hosts.Count][];
        // The enable_* and host_in_groups expressions read few variables: evaluated once per distinct set of their values.
        var placedBy = all.Select(_ => new ScopeMemo<bool?>()).ToArray();
        ForEachHost(hosts.Count, i =>
        {
            var host = hosts[i];
            var scope = context.ForHost(host.Name);
            var placed = new bool[all.Length];
            for (var j = 0; j < all.Length; j++)
            {
                var container = all[j].Container;
                var values = Values(renderer, scope, host.Name, container);
                placed[j] = Wrap(host.Name, container, () =>
                    placedBy[j].GetOrCompute(values.Scope, recording => PlacedByExpression(container, values.With(recording)))
                        ?? IsInGroup(container, host));
            }

            placement[i] = placed;
        });
        var firstHost = Enumerable.Range(0, all.Length).Select(j => Array.FindIndex(placement, placed => placed[j])).ToArray();
        var galera = GaleraClusters(renderer, context, hosts, all, placement);

        var plans = new HostPlan[hosts.Count];
        var connectionNames = ConnectionVariables();
        ForEachHost(hosts.Count, i =>
        {
            var host = hosts[i];
            var scope = context.ForHost(host.Name);
            var planned = new List<ContainerPlan>();
            for (var j = 0; j < all.Length; j++)
            {
                if (!placement[i][j])
                {
                    continue;
                }

                var (service, container) = all[j];
                var values = Values(renderer, scope, host.Name, container);
                // A Galera container's one-shot jobs run on the first host of each of its clusters (MariaDB's shards).
                var cluster = galera.Names.GetValueOrDefault((i, j));
                var first = cluster is null ? firstHost[j] == i : galera.First[(j, cluster)] == i;
                var runsBootstraps = service.Bootstrap.Any(b => b.Container == container.Key && (!b.RunOnce || first));
                var plan = Wrap(host.Name, container, () => containers.Render(service, container, host.Name, values, runsBootstraps));
                plan = cluster is null ? plan : plan with { GaleraClusterName = cluster };
                planned.Add(runsBootstraps ? plan with { Bootstraps = [.. plan.Bootstraps.Where(b => first || !IsRunOnce(service, b))] } : plan);
            }

            var nodeConfigDirectory = Values(renderer, scope, host.Name, null).Text("{{ node_config_directory }}").TrimEnd('/');
            plans[i] = new HostPlan(host.Name, Target(renderer, scope, host, connectionNames) with { NeedsContainerEngine = planned.Count > 0 }, nodeConfigDirectory, planned);
        });

        var order = services.Where(s => plans.Any(p => p.Containers.Any(c => c.Service == s.Name))).Select(s => s.Name).ToArray();
        return new DeploymentPlan(plans, order, [.. secrets, .. renderer.DerivedSecrets])
        {
            Variables = context,
            SelectedServices = [.. services.Select(s => s.Name)],
            GaleraMembersOutsideLimit = GaleraMembersOutsideLimit(inventory, selectedHosts, services, context, renderer),
        };
    }

    /// <summary>
    /// For each Galera container (<see cref="ContainerDefinition.GaleraCluster"/>) placed on hosts the limit leaves out:
    /// those hosts, in inventory order, by container name and cluster name (<see cref="ContainerDefinition.GaleraClusterName"/>;
    /// null when it cannot be evaluated there). A placement that cannot be evaluated there (it reads facts the host lacks)
    /// counts as placed: a converge refuses rather than risk a second cluster.
    /// </summary>
    private static Dictionary<(string Container, string? Cluster), IReadOnlyList<string>> GaleraMembersOutsideLimit(
        Inventory.Inventory inventory, HashSet<string> selected, IReadOnlyList<ServiceDefinition> services, VariableContext context, TemplateRenderer renderer)
    {
        var result = new Dictionary<(string Container, string? Cluster), IReadOnlyList<string>>();
        var outside = inventory.Hosts.Where(h => !selected.Contains(h.Name)).ToList();
        foreach (var container in outside.Count == 0 ? [] : services.SelectMany(s => s.Containers).Where(c => c.GaleraCluster))
        {
            var members = outside.Where(host =>
            {
                try
                {
                    return IsPlaced(container, host, Values(renderer, context.ForHost(host.Name), host.Name, container));
                }
                catch (TemplateException)
                {
                    return true;
                }
            }).ToList();
            foreach (var cluster in members.GroupBy(host => ClusterName(container, host)))
            {
                result[(container.ContainerName, cluster.Key)] = [.. cluster.Select(h => h.Name)];
            }
        }

        return result;

        string? ClusterName(ContainerDefinition container, InventoryHost host)
        {
            try
            {
                return GaleraClusterName(renderer, context, host.Name, container);
            }
            catch (TemplateException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// How to reach every inventory host, before facts are known: what fact gathering connects to. A host on which no
    /// enabled container is placed is marked as not needing a container engine.
    /// </summary>
    /// <param name="inputs">The deployment's inputs (facts are not needed).</param>
    /// <param name="options">Tags and precedence; the limit is ignored, since templates read other hosts' facts.</param>
    /// <returns>One target per inventory host, in inventory order, reading ahead <c>node_config_directory</c>.</returns>
    /// <exception cref="PlanningException">A connection variable or placement expression cannot be evaluated.</exception>
    public static IReadOnlyList<HostTarget> Targets(DeploymentInputs inputs, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= PlanOptions.All;
        var context = DeploymentVariables.Create(inputs, options.GlobalsPrecedence);
        var services = SelectServices(inputs.Catalogue, options);
        var renderer = new TemplateRenderer();
        var connectionNames = ConnectionVariables();
        return [.. inputs.Inventory.Hosts.Select(host =>
        {
            var scope = context.ForHost(host.Name);
            var runsContainers = services.Any(service => service.Containers.Any(container =>
            {
                try
                {
                    return IsPlaced(container, host, Values(renderer, scope, host.Name, container));
                }
                catch (TemplateException)
                {
                    // Placement that depends on facts: assume the host runs it.
                    return true;
                }
            }));
            string? nodeConfigDirectory;
            try
            {
                nodeConfigDirectory = Values(renderer, scope, host.Name, null).Text("{{ node_config_directory }}").TrimEnd('/');
            }
            catch (TemplateException)
            {
                nodeConfigDirectory = null;
            }

            return Target(renderer, scope, host, connectionNames) with { ReadAheadDirectory = nodeConfigDirectory, NeedsContainerEngine = runsContainers };
        })];
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every host index in parallel. A failure surfaces as the exception of the first
    /// failing host in inventory order (never an <see cref="AggregateException"/>), so the error is the same on every run.
    /// </summary>
    private static void ForEachHost(int count, Action<int> body)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        if (Array.Find(errors, e => e is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }

    private static bool IsRunOnce(ServiceDefinition service, BootstrapPlan plan) =>
        service.Bootstrap.FirstOrDefault(b => b.Name == plan.Spec.Name)?.RunOnce ?? true;

    /// <summary>
    /// The cluster each host's node of a Galera container with a <see cref="ContainerDefinition.GaleraClusterName"/> belongs
    /// to, and the first host (in inventory order) of each cluster.
    /// </summary>
    private static GaleraPlacement GaleraClusters(
        TemplateRenderer renderer,
        VariableContext context,
        List<InventoryHost> hosts,
        (ServiceDefinition Service, ContainerDefinition Container)[] all,
        bool[][] placement)
    {
        var names = new Dictionary<(int Host, int Container), string>();
        var first = new Dictionary<(int Container, string Cluster), int>();
        for (var j = 0; j < all.Length; j++)
        {
            var container = all[j].Container;
            if (!container.GaleraCluster || container.GaleraClusterName is null)
            {
                continue;
            }

            for (var i = 0; i < hosts.Count; i++)
            {
                if (placement[i][j])
                {
                    var host = hosts[i].Name;
                    var name = Wrap(host, container, () => GaleraClusterName(renderer, context, host, container));
                    names[(i, j)] = name;
                    first.TryAdd((j, name), i);
                }
            }
        }

        return new GaleraPlacement(names, first);
    }

    /// <summary>The cluster <paramref name="host"/>'s node of <paramref name="container"/> belongs to: its <see cref="ContainerDefinition.GaleraClusterName"/> rendered there, or "" (one cluster) without one.</summary>
    private static string GaleraClusterName(TemplateRenderer renderer, VariableContext context, string host, ContainerDefinition container) =>
        container.GaleraClusterName is { } template ? Values(renderer, context.ForHost(host), host, container).Text(template).Trim() : "";

    /// <summary>Galera cluster names by host and container index, and the first host (index) of each cluster.</summary>
    private sealed record GaleraPlacement(Dictionary<(int Host, int Container), string> Names, Dictionary<(int Container, string Cluster), int> First);

    private static ValueEvaluator Values(TemplateRenderer renderer, HostVariables scope, string host, ContainerDefinition? container) =>
        container is null
            ? new ValueEvaluator(renderer, scope, host)
            : new ValueEvaluator(
                renderer,
                new OverlayScope(scope, new Dictionary<string, object?>(StringComparer.Ordinal) { ["service_name"] = container.Key }),
                $"{host}: {container.ContainerName}");

    private static bool IsPlaced(ContainerDefinition container, InventoryHost host, ValueEvaluator values) =>
        PlacedByExpression(container, values) ?? IsInGroup(container, host);

    /// <summary>Placement decided by the container's expressions (disabled, or its <c>host_in_groups</c>); null: by its group.</summary>
    private static bool? PlacedByExpression(ContainerDefinition container, ValueEvaluator values)
    {
        if (!values.Bool(container.Enabled))
        {
            return false;
        }

        return container.HostInGroups is { } expression ? values.Bool(expression) : null;
    }

    private static bool IsInGroup(ContainerDefinition container, InventoryHost host) =>
        container.Group == InventoryGroup.AllName || host.IsInGroup(container.Group);

    private static T Wrap<T>(string host, ContainerDefinition container, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (TemplateException e)
        {
            throw new PlanningException($"{host}: {container.ContainerName}: {e.Message}", e);
        }
    }

    private static IReadOnlyList<ServiceDefinition> SelectServices(ServiceCatalogue catalogue, PlanOptions options)
    {
        foreach (var tag in options.Tags.Concat(options.SkipTags).Where(t => catalogue.Find(t) is null))
        {
            throw new PlanningException($"--tags/--skip-tags: unknown service '{tag}' (known: {string.Join(", ", catalogue.Services.Select(s => s.Name))})");
        }

        return catalogue.Services.Where(s => options.Selects(s.Name)).ToArray();
    }

    /// <summary>The variables a host target carries (how to connect, which engine): one filter per plan, shared by its hosts.</summary>
    private static VariableNameFilter ConnectionVariables() =>
        new(n => n.StartsWith("ansible_", StringComparison.Ordinal) || n.StartsWith("kolla_docker_", StringComparison.Ordinal) || n == "kolla_container_engine");

    private static HostTarget Target(TemplateRenderer renderer, HostVariables scope, InventoryHost host, VariableNameFilter connectionNames)
    {
        string? Var(string name) =>
            scope.TryGetVariable(name, out _) && renderer.ResolveVariable(scope, name) is { } value
                ? ValueEvaluator.Stringify(value)
                : null;
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in scope.VariableNamesWhere(connectionNames))
        {
            if (scope.TryGetVariable(name, out _, out var layer) && layer == Kolla.Variables.VariableLayer.HostFacts)
            {
                continue;
            }

            variables[name] = renderer.ResolveVariable(scope, name);
        }

        return new HostTarget(
            host.Name,
            Var("ansible_host") ?? host.Name,
            int.TryParse(Var("ansible_port"), out var port) ? port : host.Port ?? 22,
            Var("ansible_user"),
            Var("ansible_connection") ?? "ssh",
            variables);
    }

    /// <summary>The message with every derived secret in it masked, or null when it holds none.</summary>
    private static string? Masked(string message, IReadOnlyCollection<string> derived)
    {
        var masked = new SecretMasker(derived).Mask(message);
        return masked == message ? null : masked;
    }

    private static IReadOnlyCollection<string> SecretValues(IReadOnlyDictionary<string, object?> passwords, OverrideTree certificates)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        // Private keys the TLS bundles carry into config directories: each line of their base64 body, as diffs show lines.
        foreach (var file in certificates.Files)
        {
            var inKey = false;
            foreach (var line in (certificates.Read(file) ?? "").Split('\n'))
            {
                var text = line.TrimEnd('\r');
                if (text.StartsWith("-----", StringComparison.Ordinal))
                {
                    inKey = text.StartsWith("-----BEGIN", StringComparison.Ordinal) && text.Contains("PRIVATE KEY", StringComparison.Ordinal);
                }
                else if (inKey && text.Length >= 4)
                {
                    secrets.Add(text);
                }
            }
        }

        void Collect(object? value)
        {
            switch (value)
            {
                case string { Length: >= 4 } s:
                    secrets.Add(s);
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    foreach (var (_, v) in map)
                    {
                        Collect(v);
                    }

                    break;
            }
        }

        foreach (var (_, value) in passwords)
        {
            Collect(value);
        }

        return secrets;
    }
}
