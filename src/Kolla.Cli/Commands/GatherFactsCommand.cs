using System.CommandLine;
using Kolla.Planning;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla gather-facts</c>: gather every host's facts (in parallel, <c>--forks</c>) and write them to <c>--facts-cache</c>.</summary>
internal static class GatherFactsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var command = new Command("gather-facts", "Gather each host's facts (addresses, CPUs, memory, names) into --facts-cache (default CONFIGDIR/facts), in Ansible's jsonfile format.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunWithInputsAsync(console, parse, options, generatePasswords: false, async (inputs, terminal, _, token) =>
        {
            // Gathering touches no container engine, whatever runs on the host.
            var targets = DeploymentPlanner.Targets(inputs, options.PlanOptions(parse)).Select(t => t with { NeedsContainerEngine = false }).ToList();
            if (parse.GetValue(options.Limit) is { Length: > 0 } limit)
            {
                var selected = inputs.Inventory.Select(limit).Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
                targets = [.. targets.Where(t => selected.Contains(t.Name))];
            }

            var facts = await options.FactsCollector(parse, refresh: true).CollectAsync(targets, token).ConfigureAwait(false);
            var json = parse.GetValue(options.Json);
            foreach (var target in targets)
            {
                var host = facts[target.Name];
                var interfaces = host.Values.TryGetValue("interfaces", out var names) && names is IEnumerable<object?> list ? string.Join(",", list) : "";
                terminal.Out.WriteLine(json
                    ? $"{{\"event\":\"facts\",\"host\":{Kolla.Serialization.PlainJson.Serialize(target.Name)},\"hostname\":{Kolla.Serialization.PlainJson.Serialize(host.Hostname ?? "")},\"vcpus\":{host.ProcessorVcpus ?? 0},\"memtotal_mb\":{host.MemTotalMb ?? 0}}}"
                    : $"{target.Name}: hostname {host.Hostname}, {host.ProcessorVcpus} vCPU(s), {host.MemTotalMb} MB, interfaces {interfaces}");
            }

            if (!json)
            {
                terminal.Out.WriteLine($"gather-facts: {targets.Count} host(s) written to {options.FactsCacheDirectory(parse, createDefault: true)}");
            }

            return ExitCodes.Ok;
        }, cancellationToken, gatherFacts: false));
        return command;
    }
}
