using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Converge;
using Kolla.Operations;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla upgrade</c>: pull the new images, then converge rolling, compute hosts one batch at a time (<see cref="Deployment.IKollaDeployer.UpgradeAsync"/>).</summary>
internal static class UpgradeCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var liveness = new LivenessOptions();
        var serial = WholeNumberOption.CreateOptional("--serial", "Rolling batches: at most N hosts per service at a time (and N compute hosts per batch; default 1 for those).", minimum: 1);
        var rollingGroup = new Option<string>("--rolling-group")
        {
            Description = "Inventory group upgraded one batch at a time, after the other hosts of each service.",
            DefaultValueFactory = _ => "compute",
        };
        var skipPull = new Option<bool>("--skip-pull") { Description = "Do not pull images first (they were pulled already)." };
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Keep going on other hosts when one fails." };
        var command = new Command(
            "upgrade",
            "Upgrade to the images of the current globals (openstack_tag): pull them, then recreate containers whose image changed, running their "
            + "database syncs first; rolling by --serial, the compute group one batch at a time. nova_libvirt is only recreated when its own spec changed.")
        {
            serial, rollingGroup, skipPull, continueOnError,
        };
        var diffs = new DiffOptions();
        options.AddTo(command);
        liveness.AddTo(command);
        diffs.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunAsync(console, parse, options, generatePasswords: true, async (inputs, plan, terminal, masker, token) =>
        {
            var json = parse.GetValue(options.Json);
            var group = parse.GetValue(rollingGroup)!;
            var rolling = inputs.Inventory.Groups.TryGetValue(group, out var found) ? found.Hosts.Select(h => h.Name).ToArray() : [];
            var upgrade = new UpgradeOptions
            {
                Converge = liveness.Apply(parse, new ConvergeOptions
                {
                    Forks = parse.GetValue(options.Forks),
                    Serial = parse.GetValue(serial),
                    ContinueOnError = parse.GetValue(continueOnError),
                }),
                RollingHosts = rolling,
                PullImages = !parse.GetValue(skipPull),
            };
            if (!json)
            {
                var dryRun = parse.GetValue(options.Executor) == "dry-run" ? " (dry run)" : "";
                terminal.Out.WriteLine(terminal.Bold(
                    $"upgrade{dryRun}: {plan.Hosts.Count} host(s), {plan.Hosts.Sum(h => h.Containers.Count)} container(s); "
                    + $"{rolling.Count(h => plan.Hosts.Any(p => p.Host == h))} host(s) of '{group}' in batches of {upgrade.RollingBatchSize}"));
            }

            if (parse.GetValue(options.Executor) == "dry-run")
            {
                // What the upgrade would change (pulls, one-shot jobs from the new images, recreations), as deploy's dry run
                // shows it; the rolling order is the header's.
                var sets = await options.Deployer(parse).GetChangesAsync(plan, upgrade.Converge, token).ConfigureAwait(false);
                ChangesPrinter.Print(terminal, sets, masker, json, diffs.Selection(parse));
                return sets.Any(s => s.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
            }

            var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => options.Deployer(parse).UpgradeAsync(plan, upgrade, progress, token)).ConfigureAwait(false);
            RecapPrinter.Print(terminal, result, json);
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }
}
