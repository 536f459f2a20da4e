using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Converge;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla genconfig</c>: render every host's config directories (config.json + merged files).</summary>
internal static class GenConfigCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write OUTPUT/<host>/<service key>/ locally instead of to the hosts (the layout kolla-ansible writes under /etc/kolla on each node).",
        };
        var diffs = new DiffOptions();
        var command = new Command("genconfig", "Generate configuration files only (no containers are touched).") { output };
        options.AddTo(command);
        diffs.AddTo(command);
        options.EnginesUntouched = parse => parse.GetValue(output) is not null;
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunAsync(console, parse, options, generatePasswords: true, async (plan, terminal, masker, token) =>
        {
            if (parse.GetValue(output) is { } directory)
            {
                var count = await options.Deployer(parse).WriteConfigTreeAsync(plan, directory, token).ConfigureAwait(false);
                terminal.Out.WriteLine($"genconfig: wrote {count} file(s) for {plan.Hosts.Count} host(s) under {directory}");
                return ExitCodes.Ok;
            }

            var json = parse.GetValue(options.Json);
            var converge = new ConvergeOptions { Forks = parse.GetValue(options.Forks) };
            if (parse.GetValue(options.Executor) == "dry-run")
            {
                // As deploy's dry run, for the config files only: what would be written, with diffs or summarised.
                if (!json)
                {
                    terminal.Out.WriteLine(terminal.Bold($"genconfig (dry run): {plan.Hosts.Count} host(s); nothing is written"));
                }

                var sets = await options.Deployer(parse).GetChangesAsync(plan, converge with { FilesOnly = true }, token).ConfigureAwait(false);
                ChangesPrinter.Print(terminal, sets, masker, json, diffs.Selection(parse));
                return sets.Any(s => s.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
            }

            var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => options.Deployer(parse).GenerateConfigAsync(plan, converge, progress, token)).ConfigureAwait(false);
            RecapPrinter.Print(terminal, result, json);
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }
}
