using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Execution;
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
        var terminal = new Terminal(console);
        var masker = new SecretMasker([]);
        try
        {
            var inputs = await DeploymentInputsLoader.LoadAsync(options.InputsOptions(parse, generatePasswords), cancellationToken).ConfigureAwait(false);
            var plan = DeploymentPlanner.Plan(inputs, options.PlanOptions(parse));
            masker = new SecretMasker(plan.Secrets);
            return await action(inputs, plan, terminal, masker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KollaException or CliUsageException)
        {
            await terminal.ErrorAsync("error: " + masker.Mask(e.Message)).ConfigureAwait(false);
            if (parse.GetValue(options.Verbose))
            {
                await console.Error.WriteLineAsync(masker.Mask(e.ToString())).ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }
    }
}
