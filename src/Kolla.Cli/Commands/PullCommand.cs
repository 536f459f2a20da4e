using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Operations;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla pull</c>: pull every image the plan uses on every host that uses it (<see cref="Deployment.IKollaDeployer.PullAsync"/>).</summary>
internal static class PullCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Keep going on other hosts when one fails." };
        var command = new Command("pull", "Pull every image the deployment uses on each host that runs it (even when present, so a moved tag is fetched again).")
        {
            continueOnError,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunAsync(console, parse, options, generatePasswords: false, async (plan, terminal, masker, token) =>
        {
            var json = parse.GetValue(options.Json);
            var dryRun = parse.GetValue(options.Executor) == "dry-run";
            if (!json)
            {
                terminal.Out.WriteLine(terminal.Bold($"pull{(dryRun ? " (dry run)" : "")}: {plan.Hosts.Sum(h => h.Images.Count)} image(s) on {plan.Hosts.Count} host(s)"));
            }

            var pull = new PullOptions { Forks = parse.GetValue(options.Forks), ContinueOnError = parse.GetValue(continueOnError) };
            var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => options.Deployer(parse).PullAsync(plan, pull, progress, token)).ConfigureAwait(false);
            RecapPrinter.Print(terminal, result, json);
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }
}
