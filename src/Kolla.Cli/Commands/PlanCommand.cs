using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Converge;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla plan</c> and <c>kolla check</c>: what a deploy would change, read from the hosts, touching nothing.</summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when changes are pending (0 when none)." };
        var diffs = new DiffOptions();
        var command = new Command("plan", "Show what deploy would change on each host, with a unified diff per file (a summary per host when that is long); secrets are masked. Touches nothing.") { detailed };
        options.AddTo(command);
        diffs.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, options, diffs.Selection(parse), exitTwoOnChanges: parse.GetValue(detailed), cancellationToken));
        return command;
    }

    public static Command CreateCheck(CliConsole console)
    {
        var options = new LifecycleOptions();
        var command = new Command("check", "Drift check: compare running containers and config files with the desired state; exit 2 when anything differs.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, options, DiffSelection.None, exitTwoOnChanges: true, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(CliConsole console, ParseResult parse, LifecycleOptions options, DiffSelection diffs, bool exitTwoOnChanges, CancellationToken cancellationToken) =>
        LifecycleRunner.RunAsync(console, parse, options, generatePasswords: false, async (plan, terminal, masker, token) =>
        {
            var sets = await options.Deployer(parse).GetChangesAsync(plan, new ConvergeOptions { Forks = parse.GetValue(options.Forks) }, token).ConfigureAwait(false);
            ChangesPrinter.Print(terminal, sets, masker, parse.GetValue(options.Json), diffs);
            if (sets.Any(s => s.Error is not null))
            {
                foreach (var set in sets.Where(s => s.Error is not null))
                {
                    await terminal.ErrorLineAsync(masker.Mask(set.Error!)).ConfigureAwait(false);
                }

                return ExitCodes.Failed;
            }

            return exitTwoOnChanges && sets.Any(s => s.Changes.Count > 0) ? ExitCodes.Changes : ExitCodes.Ok;
        }, cancellationToken);
}
