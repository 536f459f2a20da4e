using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Passwords;
using Kolla.Planning;

namespace Kolla.Cli.Commands;

/// <summary>What every lifecycle verb does first: load inputs, plan, and turn failures into one clear line.</summary>
internal static class LifecycleRunner
{
    public static Task<int> RunAsync(
        CliConsole console,
        ParseResult parse,
        LifecycleOptions options,
        bool generatePasswords,
        Func<DeploymentPlan, Terminal, SecretMasker, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken) =>
        RunAsync(console, parse, options, generatePasswords, (_, plan, terminal, masker, token) => action(plan, terminal, masker, token), cancellationToken);

    /// <summary>Like the other overload, for verbs that also need the inputs (prechecks, post-deploy, upgrade).</summary>
    public static async Task<int> RunAsync(
        CliConsole console,
        ParseResult parse,
        LifecycleOptions options,
        bool generatePasswords,
        Func<DeploymentInputs, DeploymentPlan, Terminal, SecretMasker, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        return await RunWithInputsAsync(console, parse, options, generatePasswords, (inputs, terminal, _, token) =>
        {
            var plan = DeploymentPlanner.Plan(inputs, options.PlanOptions(parse));
            return action(inputs, plan, terminal, new SecretMasker(plan.Secrets), token);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads the inputs without planning (prechecks plans itself, to report a plan that cannot be made).</summary>
    public static async Task<int> RunWithInputsAsync(
        CliConsole console,
        ParseResult parse,
        LifecycleOptions options,
        bool generatePasswords,
        Func<DeploymentInputs, Terminal, SecretMasker, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken,
        bool gatherFacts = true)
    {
        var terminal = new Terminal(console);
        var masker = new SecretMasker([]);
        try
        {
            var inputs = await DeploymentInputsLoader.LoadAsync(options.InputsOptions(parse, generatePasswords), cancellationToken).ConfigureAwait(false);
            masker = new SecretMasker(Strings(inputs.Passwords.Values));
            await UnimplementedGate.ApplyAsync(inputs, parse, options, terminal).ConfigureAwait(false);
            if (gatherFacts)
            {
                inputs = await WithFactsAsync(parse, options, inputs, cancellationToken).ConfigureAwait(false);
            }

            return await action(inputs, terminal, masker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KollaException or CliUsageException)
        {
            // Hosts without facts: one line per host, as a converge reports unreachable hosts.
            foreach (var line in e is Kolla.Facts.FactsGatheringException gathering ? gathering.Failures : [e.Message])
            {
                await terminal.ErrorAsync("error: " + masker.Mask(line)).ConfigureAwait(false);
            }
            if (parse.GetValue(options.Verbose))
            {
                await console.Error.WriteLineAsync(masker.Mask(e.ToString())).ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }
        finally
        {
            await options.ReleaseConnectorsAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every inventory host's facts, as kolla-ansible gathers them before anything else: from <c>--facts-cache</c>, else
    /// through the host's executor (whose connection the verb then reuses). Facts already in the inputs are kept.
    /// </summary>
    public static async Task<DeploymentInputs> WithFactsAsync(ParseResult parse, LifecycleOptions options, DeploymentInputs inputs, CancellationToken cancellationToken)
    {
        var enginesUntouched = options.EnginesUntouched?.Invoke(parse) == true;
        var targets = DeploymentPlanner.Targets(inputs, options.PlanOptions(parse))
            .Where(t => !inputs.Facts.ContainsKey(t.Name))
            .Select(t => enginesUntouched ? t with { NeedsContainerEngine = false } : t)
            .ToList();
        if (targets.Count == 0)
        {
            return inputs;
        }

        var gathered = await options.FactsCollector(parse).CollectAsync(targets, cancellationToken).ConfigureAwait(false);
        var facts = new Dictionary<string, Kolla.Facts.HostFacts>(inputs.Facts, StringComparer.Ordinal);
        foreach (var (host, hostFacts) in gathered)
        {
            facts[host] = hostFacts;
        }

        return inputs with { Facts = facts };
    }

    private static IEnumerable<string> Strings(IEnumerable<object?> values) => values.SelectMany(value => value switch
    {
        string text => [text],
        IEnumerable<KeyValuePair<string, object?>> map => Strings(map.Select(p => p.Value)),
        _ => [],
    });
}
