using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Operations;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla prune-images</c>: remove the Kolla images nothing uses (<see cref="Deployment.IKollaDeployer.PruneImagesAsync"/>).</summary>
internal static class PruneImagesCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var confirm = new Option<bool>(TeardownCommand.ConfirmFlag) { Description = "Confirm that you want to remove the images." };
        var danglingOnly = new Option<bool>("--dangling-only")
        {
            Description = "Remove only untagged Kolla images, as kolla-ansible's prune-images does (default: also tagged Kolla images no container uses).",
        };
        var list = new Option<bool>("--list") { Description = "Only list the images that would be removed, reading the hosts and touching nothing." };
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Keep going on other hosts when one fails." };
        var command = new Command(
            "prune-images",
            "Remove the Kolla images (labelled kolla_version) that no container of the plan and no container on the host uses; other images are never touched. "
            + "Refuses without " + TeardownCommand.ConfirmFlag + " (except with --list or --executor dry-run, which only show what it would do).")
        {
            confirm, danglingOnly, list, continueOnError,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var preview = parse.GetValue(list) || parse.GetValue(options.Executor) == "dry-run";
            if (!parse.GetValue(confirm) && !preview)
            {
                await new Terminal(console).ErrorAsync(
                    "error: prune-images removes every Kolla image no container uses; to really do it, run again with " + TeardownCommand.ConfirmFlag
                    + " (--list shows what it would remove)").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return await LifecycleRunner.RunAsync(console, parse, options, generatePasswords: false, async (plan, terminal, masker, token) =>
            {
                var json = parse.GetValue(options.Json);
                var prune = new PruneImagesOptions
                {
                    DanglingOnly = parse.GetValue(danglingOnly),
                    Forks = parse.GetValue(options.Forks),
                    ContinueOnError = parse.GetValue(continueOnError),
                };
                var deployer = options.Deployer(parse);
                if (preview)
                {
                    if (!json)
                    {
                        terminal.Out.WriteLine(terminal.Bold($"prune-images (list only): {plan.Hosts.Count} host(s); nothing is changed"));
                    }

                    var sets = await deployer.GetPruneImagesChangesAsync(plan, prune, token).ConfigureAwait(false);
                    ChangesPrinter.Print(terminal, sets, masker, json, DiffSelection.None, noChanges: "Nothing to prune: no unused Kolla image found.");
                    return sets.Any(s => s.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
                }

                if (!json)
                {
                    terminal.Out.WriteLine(terminal.Bold($"prune-images: {plan.Hosts.Count} host(s), executor {parse.GetValue(options.Executor)}"));
                }

                var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => deployer.PruneImagesAsync(plan, prune, progress, token)).ConfigureAwait(false);
                RecapPrinter.Print(terminal, result, json);
                return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
