using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Templates;

namespace Kolla.Bootstrap;

/// <summary>
/// <c>kolla bootstrap-servers</c>: prepares the hosts of the inventory's <c>baremetal</c> group to run Kolla, as
/// kolla-ansible's <c>kolla-host.yml</c> (the <c>openstack.kolla.baremetal</c> role) does for Debian-family hosts: the
/// distribution's container engine and its <c>daemon.json</c>, the packages role's packages, no ufw, the kolla user,
/// <c>node_config_directory</c>, <c>kolla.target</c>. Each host is read first and only what differs is changed, so a
/// second run changes nothing.
/// </summary>
/// <param name="connector">Reaches the hosts; their connections must run commands (<see cref="IHostCommands"/>) to be read or changed.</param>
public sealed class ServerBootstrapper(IHostConnector connector)
{
    /// <summary>Reads every host and returns the steps each needs, changing nothing.</summary>
    /// <param name="inputs">Inventory, globals, passwords and <c>-e</c>.</param>
    /// <param name="options">Hosts and precedence.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One preparation per host, in inventory order.</returns>
    /// <exception cref="BootstrapException">The inventory has no <c>baremetal</c> group.</exception>
    public Task<IReadOnlyList<HostPreparation>> PlanAsync(DeploymentInputs inputs, BootstrapServersOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options ?? new BootstrapServersOptions(), apply: false, cancellationToken);

    /// <summary>Prepares every host: reads it, then takes the steps it needs, stopping at a host's first failed step.</summary>
    /// <param name="inputs">Inventory, globals, passwords and <c>-e</c>.</param>
    /// <param name="options">Hosts, precedence, parallelism.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One preparation per host with the steps taken, in inventory order.</returns>
    /// <exception cref="BootstrapException">The inventory has no <c>baremetal</c> group.</exception>
    public Task<IReadOnlyList<HostPreparation>> ApplyAsync(DeploymentInputs inputs, BootstrapServersOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options ?? new BootstrapServersOptions(), apply: true, cancellationToken);

    private async Task<IReadOnlyList<HostPreparation>> RunAsync(DeploymentInputs inputs, BootstrapServersOptions options, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var context = DeploymentVariables.Create(inputs, options.GlobalsPrecedence);
        if (!context.Groups.TryGetValue("baremetal", out var members))
        {
            throw new BootstrapException("the inventory has no 'baremetal' group: bootstrap-servers prepares the hosts of that group, as kolla-ansible's kolla-host.yml does");
        }

        var limited = options.Limit is { Length: > 0 } limit ? inputs.Inventory.Select(limit).Select(h => h.Name).ToHashSet(StringComparer.Ordinal) : null;
        var chosen = members.Where(h => limited is null || limited.Contains(h)).ToHashSet(StringComparer.Ordinal);
        var targets = DeploymentPlanner.Targets(inputs, new PlanOptions { GlobalsPrecedence = options.GlobalsPrecedence })
            .Where(t => chosen.Contains(t.Name))
            .Select(t => t with { NeedsContainerEngine = false, ReadAheadDirectory = null })
            .ToList();
        var renderer = new TemplateRenderer();
        var results = new HostPreparation[targets.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, options.Forks));
        await Task.WhenAll(targets.Select(async (target, i) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                results[i] = await PrepareAsync(target, Settings(inputs, context.ForHost(target.Name), renderer), options, apply, cancellationToken).ConfigureAwait(false);
            }
            catch (KollaException e)
            {
                results[i] = new HostPreparation(target.Name, [], [], e.Message);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return results;
    }

    private static BootstrapSettings Settings(DeploymentInputs inputs, Variables.HostVariables scope, TemplateRenderer renderer)
    {
        var values = new ValueEvaluator(renderer, scope, scope.HostName);
        return BootstrapSettings.Read(name =>
            scope.TryGetVariable(name, out var raw) ? values.Evaluate(raw)
            : name == "kolla_ssh_key" && inputs.Passwords.TryGetValue(name, out var key) ? key
            : BootstrapSettings.Undefined);
    }

    private async Task<HostPreparation> PrepareAsync(HostTarget target, BootstrapSettings settings, BootstrapServersOptions options, bool apply, CancellationToken cancellationToken)
    {
        var connection = await connector.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var notes = new List<string>();
            HostObservation observed;
            if (connection is IHostCommands commands)
            {
                observed = await HostProbe.ReadAsync(target.Name, commands, settings, cancellationToken).ConfigureAwait(false);
            }
            else if (!apply)
            {
                observed = HostObservation.Fresh;
                notes.Add("this executor runs no commands on the host: the plan is for a fresh Debian host");
            }
            else
            {
                throw new BootstrapException($"{target.Name}: this executor cannot run commands on the host; bootstrap-servers needs the ssh executor (--executor ssh; reach a local host over SSH too)");
            }

            var (steps, planNotes) = BootstrapPlanner.Plan(settings, observed);
            notes.AddRange(planNotes);
            if (!apply)
            {
                return new HostPreparation(target.Name, steps, notes);
            }

            var taken = new List<PreparationStep>();
            foreach (var step in steps)
            {
                try
                {
                    await TakeAsync(target.Name, connection, (IHostCommands)connection, step, options.StepTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (KollaException e)
                {
                    return new HostPreparation(target.Name, taken, notes, $"{step.Description}: {e.Message}");
                }

                taken.Add(step);
            }

            return new HostPreparation(target.Name, taken, notes);
        }
    }

    private static async Task TakeAsync(string host, IHostConnection connection, IHostCommands commands, PreparationStep step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (step.Script is { } script)
        {
            var result = await commands.RunScriptAsync("set -e\n" + script, timeout, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                var detail = (result.Error.Trim().Length > 0 ? result.Error : result.Output).Trim();
                var lines = detail.Split('\n');
                throw new BootstrapException($"exit status {result.ExitCode}: {string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 3)))}");
            }
        }
        else if (step.Content is { } content)
        {
            await connection.Files.WriteAsync(step.Path!, content, step.Mode!, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await connection.Files.EnsureDirectoryAsync(step.Path!, step.Mode!, cancellationToken).ConfigureAwait(false);
        }

        _ = host;
    }
}
