using System.CommandLine;

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
            var limit = parse.GetValue(options.Limit) is { Length: > 0 } pattern ? pattern : null;
            var gathered = await options.Deployer(parse).GatherFactsAsync(inputs, options.FactsOptions(parse) with
            {
                Limit = limit,
                Refresh = true,
                // Gathering touches no container engine, whatever runs on the host.
                WithoutContainerEngine = true,
                CacheDirectory = options.FactsCacheDirectory(parse, createDefault: true),
            }, token).ConfigureAwait(false);
            var selected = limit is null ? null : inputs.Inventory.Select(limit).Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
            var targets = inputs.Inventory.Hosts.Where(h => selected is null || selected.Contains(h.Name)).ToList();
            var json = parse.GetValue(options.Json);
            foreach (var target in targets)
            {
                var host = gathered.Facts[target.Name];
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
