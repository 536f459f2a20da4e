using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Operations;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla stop</c> and <c>kolla destroy</c>: stop or remove the deployment's containers (<see cref="Deployment.IKollaDeployer.TeardownAsync"/>).</summary>
internal static class TeardownCommand
{
    public const string ConfirmFlag = "--yes-i-really-really-mean-it";

    public static Command CreateStop(CliConsole console) => Create(
        console,
        "stop",
        "Stop every Kolla container (those of the plan and, without --tags/--skip-tags, any labelled kolla.managed-by); nothing is removed. Refuses without " + ConfirmFlag
        + " (except with --executor dry-run, which only shows what it would do).",
        TeardownKind.Stop);

    public static Command CreateDestroy(CliConsole console) => Create(
        console,
        "destroy",
        "Remove every Kolla container (those of the plan and, without --tags/--skip-tags, any labelled kolla.managed-by) and its config directory under node_config_directory; "
        + "named volumes (databases!) only with --include-volumes. Refuses without " + ConfirmFlag + " (except with --executor dry-run, which only shows what it would do).",
        TeardownKind.Destroy);

    private static Command Create(CliConsole console, string name, string description, TeardownKind kind)
    {
        var options = new LifecycleOptions();
        var confirm = new Option<bool>(ConfirmFlag) { Description = "Confirm that you want to " + name + " the containers." };
        var includeVolumes = new Option<bool>("--include-volumes") { Description = "Also remove the named volumes (all data in them is lost)." };
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Keep going on other hosts when one fails." };
        var command = new Command(name, description) { confirm, continueOnError };
        if (kind == TeardownKind.Destroy)
        {
            command.Options.Add(includeVolumes);
        }

        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dryRun = parse.GetValue(options.Executor) == "dry-run";
            // The dry-run executor changes nothing, so it may show what would happen without the confirmation.
            var refuse = !parse.GetValue(confirm) && !dryRun;
            if (refuse)
            {
                await new Terminal(console).ErrorAsync(
                    $"error: {name} {(kind == TeardownKind.Destroy ? "removes" : "stops")} every Kolla container of the deployment; "
                    + $"to really do it, run again with {ConfirmFlag}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return await LifecycleRunner.RunAsync(console, parse, options, generatePasswords: false, async (plan, terminal, masker, token) =>
            {
                var json = parse.GetValue(options.Json);
                var teardown = new TeardownOptions
                {
                    Kind = kind,
                    IncludeVolumes = kind == TeardownKind.Destroy && parse.GetValue(includeVolumes),
                    Forks = parse.GetValue(options.Forks),
                    ContinueOnError = parse.GetValue(continueOnError),
                    IncludeUnplanned = options.PlanOptions(parse) is { Tags.Count: 0, SkipTags.Count: 0 },
                };
                if (dryRun)
                {
                    if (!json)
                    {
                        terminal.Out.WriteLine(terminal.Bold($"{name} (dry run): {plan.Hosts.Count} host(s); nothing is changed"));
                    }

                    var sets = await options.Deployer(parse).GetTeardownChangesAsync(plan, teardown, token).ConfigureAwait(false);
                    ChangesPrinter.Print(terminal, sets, masker, json, DiffSelection.None, noChanges: $"Nothing to {name}: no Kolla container or config directory found.");
                    return sets.Any(s => s.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
                }

                if (!json)
                {
                    terminal.Out.WriteLine(terminal.Bold($"{name}: {plan.Hosts.Count} host(s), executor {parse.GetValue(options.Executor)}"));
                }

                var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => options.Deployer(parse).TeardownAsync(plan, teardown, progress, token)).ConfigureAwait(false);
                RecapPrinter.Print(terminal, result, json);
                return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
