using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Converge;
using Kolla.Planning;

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
        var command = new Command("genconfig", "Generate configuration files only (no containers are touched).") { output };
        options.AddTo(command);
        options.EnginesUntouched = parse => parse.GetValue(output) is not null;
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunAsync(console, parse, options, generatePasswords: true, async (plan, terminal, masker, token) =>
        {
            if (parse.GetValue(output) is { } directory)
            {
                var count = await WriteTreeAsync(plan, directory, token).ConfigureAwait(false);
                terminal.Out.WriteLine($"genconfig: wrote {count} file(s) for {plan.Hosts.Count} host(s) under {directory}");
                return ExitCodes.Ok;
            }

            var json = parse.GetValue(options.Json);
            var converger = new Converger(options.Connectors(parse), new ConvergeOptions { Forks = parse.GetValue(options.Forks), FilesOnly = true });
            var result = await ProgressView.RunAsync(terminal, masker, json, [.. plan.Hosts.Select(h => h.Host)], progress => converger.ApplyAsync(plan, progress, token)).ConfigureAwait(false);
            RecapPrinter.Print(terminal, result, json);
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    /// <summary>Writes each host's files under <paramref name="root"/>/&lt;host&gt;/, atomically per file, and removes files no longer generated.</summary>
    private static async Task<int> WriteTreeAsync(DeploymentPlan plan, string root, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var host in plan.Hosts)
        {
            var hostRoot = Path.Combine(root, host.Host);
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in host.Containers.SelectMany(c => c.Files))
            {
                var relative = file.Path[(host.NodeConfigDirectory.Length + 1)..];
                var path = Path.Combine(hostRoot, relative);
                wanted.Add(Path.GetFullPath(path));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temp = path + ".kolla-tmp";
                await File.WriteAllBytesAsync(temp, file.Content.ToArray(), cancellationToken).ConfigureAwait(false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, (UnixFileMode)file.Mode);
                }

                File.Move(temp, path, overwrite: true);
                count++;
            }

            foreach (var container in host.Containers)
            {
                var directory = Path.Combine(hostRoot, container.ConfigDirectory[(host.NodeConfigDirectory.Length + 1)..]);
                foreach (var stale in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => !wanted.Contains(Path.GetFullPath(f))))
                {
                    File.Delete(stale);
                }
            }
        }

        return count;
    }
}
