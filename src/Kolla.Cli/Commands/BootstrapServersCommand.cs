using System.CommandLine;
using System.Text.Json;
using Kolla.Bootstrap;
using Kolla.Cli.Output;
using Kolla.Hosts;
using Kolla.Passwords;
using Microsoft.Extensions.DependencyInjection;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla bootstrap-servers</c>: prepare the <c>baremetal</c> hosts to run Kolla (<see cref="ServerBootstrapper"/>).</summary>
internal static class BootstrapServersCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Read every host and show the steps it needs, with file diffs; change nothing." };
        var noDiff = new Option<bool>("--no-diff") { Description = "Show the steps without file diffs." };
        var command = new Command(
            "bootstrap-servers",
            "Prepare the hosts of the inventory's baremetal group to run Kolla, as kolla-ansible's bootstrap-servers does for Debian-family hosts: "
            + "the distribution's docker.io with kolla's /etc/docker/daemon.json, git/iputils-ping/tzdata, no ufw, no lxd/lxc/open-iscsi, "
            + "the kolla user with passwordless sudo (create_kolla_user: true), node_config_directory and kolla.target. Only what differs is changed.")
        {
            dryRun, noDiff,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
            await LifecycleRunner.RunWithInputsAsync(console, parse, options, generatePasswords: false, async (inputs, terminal, masker, token) =>
            {
                var json = parse.GetValue(options.Json);
                var preview = parse.GetValue(dryRun);
                var bootstrapper = new ServerBootstrapper(options.Services(parse).GetRequiredService<IHostConnector>());
                var run = new BootstrapServersOptions
                {
                    Limit = parse.GetValue(options.Limit),
                    GlobalsPrecedence = options.Precedence(parse),
                    Forks = parse.GetValue(options.Forks),
                };
                if (!json)
                {
                    terminal.Out.WriteLine(terminal.Bold(preview ? "bootstrap-servers (dry run): nothing is changed" : $"bootstrap-servers: executor {parse.GetValue(options.Executor)}"));
                }

                var hosts = preview
                    ? await bootstrapper.PlanAsync(inputs, run, token).ConfigureAwait(false)
                    : await bootstrapper.ApplyAsync(inputs, run, token).ConfigureAwait(false);
                if (json)
                {
                    PrintJson(terminal, hosts, masker);
                }
                else
                {
                    Print(terminal, hosts, masker, preview, showDiffs: !parse.GetValue(noDiff));
                }

                return hosts.Any(h => h.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
            }, cancellationToken, gatherFacts: false).ConfigureAwait(false));
        return command;
    }

    private static void Print(Terminal terminal, IReadOnlyList<HostPreparation> hosts, SecretMasker masker, bool preview, bool showDiffs)
    {
        foreach (var host in hosts)
        {
            terminal.Out.WriteLine(terminal.Bold($"== {host.Host}") + $" ({host.Steps.Count} {(preview ? "step(s) to take" : "step(s) taken")})");
            foreach (var step in host.Steps)
            {
                terminal.Out.WriteLine($"   {terminal.Green("+ ")}{masker.Mask(step.Description)}");
                if (showDiffs && step.Diff is { } diff)
                {
                    foreach (var line in diff.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var painted = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? terminal.Bold(line)
                            : line.StartsWith('+') ? terminal.Green(line)
                            : line.StartsWith('-') ? terminal.Red(line)
                            : line.StartsWith("@@", StringComparison.Ordinal) ? terminal.Cyan(line)
                            : line;
                        terminal.Out.WriteLine("       " + masker.Mask(painted));
                    }
                }
            }

            foreach (var note in host.Notes)
            {
                terminal.Out.WriteLine("   " + terminal.Yellow("note: " + masker.Mask(note)));
            }

            if (host.Error is { } error)
            {
                terminal.Out.WriteLine("   " + terminal.Red("failed: " + masker.Mask(error)));
            }
        }

        var total = hosts.Sum(h => h.Steps.Count);
        var failed = hosts.Count(h => h.Error is not null);
        var summary = total == 0
            ? (failed == 0 ? terminal.Green($"No changes: {hosts.Count} host(s) already prepared.") : "No changes.")
            : preview ? $"Plan: {total} step(s) on {hosts.Count(h => h.Steps.Count > 0)} host(s)." : $"Prepared: {total} step(s) taken on {hosts.Count(h => h.Steps.Count > 0)} host(s).";
        terminal.Out.WriteLine(failed > 0 ? summary + " " + terminal.Red($"{failed} of {hosts.Count} host(s) failed.") : summary);
    }

    private static void PrintJson(Terminal terminal, IReadOnlyList<HostPreparation> hosts, SecretMasker masker)
    {
        foreach (var host in hosts)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("host", host.Host);
                json.WriteStartArray("steps");
                foreach (var step in host.Steps)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", step.Kind.ToString());
                    json.WriteString("description", masker.Mask(step.Description));
                    json.WriteString("diff", step.Diff is { } diff ? masker.Mask(diff) : null);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("notes");
                foreach (var note in host.Notes)
                {
                    json.WriteStringValue(masker.Mask(note));
                }

                json.WriteEndArray();
                json.WriteString("error", host.Error is { } error ? masker.Mask(error) : null);
                json.WriteEndObject();
            }

            terminal.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
