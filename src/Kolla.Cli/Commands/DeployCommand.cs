using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Converge;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla deploy</c> (and <c>deploy-containers</c>, <c>reconfigure</c>): converge every host to the plan.</summary>
internal static class DeployCommand
{
    public static Command Create(CliConsole console) => Create(console, "deploy", "Deploy (or converge) the cloud: write changed configs, create, recreate or restart only what differs.", containersOnly: false);

    public static Command CreateDeployContainers(CliConsole console) => Create(console, "deploy-containers", "Converge containers only: compare and create/recreate/restart; config files are not written.", containersOnly: true);

    public static Command CreateReconfigure(CliConsole console) => Create(console, "reconfigure", "Reconfigure: same as deploy (only what changed is touched).", containersOnly: false);

    private static Command Create(CliConsole console, string name, string description, bool containersOnly)
    {
        var options = new LifecycleOptions();
        var liveness = new LivenessOptions();
        var serial = WholeNumberOption.CreateOptional("--serial", "Rolling batches: at most N hosts per service at a time.", minimum: 1);
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Keep going on other hosts when one fails." };
        var diffs = new DiffOptions();
        var command = new Command(name, description) { serial, continueOnError };
        options.AddTo(command);
        liveness.AddTo(command);
        diffs.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunAsync(console, parse, options, generatePasswords: true, async (plan, terminal, masker, token) =>
        {
            var json = parse.GetValue(options.Json);
            var converge = liveness.Apply(parse, new ConvergeOptions
            {
                Forks = parse.GetValue(options.Forks),
                Serial = parse.GetValue(serial),
                ContinueOnError = parse.GetValue(continueOnError),
                ContainersOnly = containersOnly,
            });
            if (parse.GetValue(options.Executor) == "dry-run")
            {
                // The dry-run executor prints the changes (what would be created, recreated, restarted and why, with diffs or summarised).
                var preview = new ConvergeOptions { Forks = parse.GetValue(options.Forks), ContainersOnly = containersOnly };
                if (!json)
                {
                    terminal.Out.WriteLine(terminal.Bold($"{name} (dry run): {plan.Hosts.Count} host(s), {plan.Hosts.Sum(h => h.Containers.Count)} container(s); nothing is changed"));
                }

                var sets = await options.Deployer(parse).GetChangesAsync(plan, preview, token).ConfigureAwait(false);
                ChangesPrinter.Print(terminal, sets, masker, json, diffs.Selection(parse));
                return sets.Any(s => s.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
            }

            if (!json)
            {
                terminal.Out.WriteLine(terminal.Bold($"{name}: {plan.Hosts.Count} host(s), {plan.Hosts.Sum(h => h.Containers.Count)} container(s), executor {parse.GetValue(options.Executor)}"));
            }

            var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => options.Deployer(parse).DeployAsync(plan, converge, progress, token)).ConfigureAwait(false);
            RecapPrinter.Print(terminal, result, json);
            foreach (var host in result.Hosts.Where(h => h.Error is not null))
            {
                await terminal.ErrorLineAsync(masker.Mask(host.Error!)).ConfigureAwait(false);
            }

            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }
}
