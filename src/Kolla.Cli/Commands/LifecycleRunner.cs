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
        return await RunWithInputsAsync(console, parse, options, generatePasswords, async (inputs, terminal, _, token) =>
        {
            var plan = options.Deployer(parse).Plan(inputs, options.PlanOptions(parse));
            var masker = new SecretMasker(plan.Secrets);
            try
            {
                return await action(inputs, plan, terminal, masker, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is KollaException or CliUsageException)
            {
                // Once planned, errors are masked with all the plan knows is secret: also the values derived from passwords.
                return await ReportAsync(console, parse, options, terminal, masker, e).ConfigureAwait(false);
            }
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
        options.Console = console;
        try
        {
            var kolla = options.Deployer(parse);
            var inputs = await kolla.ReadInputsAsync(options.InputsOptions(parse, generatePasswords), cancellationToken).ConfigureAwait(false);
            masker = new SecretMasker(Strings(inputs.Passwords.Values));
            await UnimplementedGate.ApplyAsync(inputs, parse, options, terminal).ConfigureAwait(false);
            if (gatherFacts)
            {
                // Every inventory host's facts, as kolla-ansible gathers them before anything else: from --facts-cache, else
                // through the host's executor (whose connection the verb then reuses).
                inputs = await kolla.GatherFactsAsync(inputs, options.FactsOptions(parse), cancellationToken).ConfigureAwait(false);
            }

            return await action(inputs, terminal, masker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KollaException or CliUsageException)
        {
            return await ReportAsync(console, parse, options, terminal, masker, e).ConfigureAwait(false);
        }
        finally
        {
            await options.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> ReportAsync(CliConsole console, ParseResult parse, LifecycleOptions options, Terminal terminal, SecretMasker masker, Exception e)
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

    private static IEnumerable<string> Strings(IEnumerable<object?> values) => values.SelectMany(value => value switch
    {
        string text => [text],
        IEnumerable<KeyValuePair<string, object?>> map => Strings(map.Select(p => p.Value)),
        _ => [],
    });
}
