using Kolla.Converge;
using Kolla.Serialization;

namespace Kolla.Cli.Output;

/// <summary>The closing table, like Ansible's PLAY RECAP, and the elapsed time.</summary>
internal static class RecapPrinter
{
    public static void Print(Terminal terminal, DeployResult result, bool json)
    {
        if (json)
        {
            foreach (var host in result.Hosts)
            {
                terminal.Out.WriteLine(PlainJson.Serialize(new Dictionary<string, object?>
                {
                    ["event"] = "Recap",
                    ["host"] = host.Host,
                    ["ok"] = host.Ok,
                    ["changed"] = host.Changed,
                    ["failed"] = host.Failed,
                    ["skipped"] = host.Skipped,
                    ["elapsed_s"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                }));
            }

            return;
        }

        terminal.Out.WriteLine();
        terminal.Out.WriteLine(terminal.Bold("PLAY RECAP"));
        var width = result.Hosts.Count == 0 ? 10 : result.Hosts.Max(h => h.Host.Length) + 2;
        foreach (var host in result.Hosts)
        {
            var name = host.Host.PadRight(width);
            name = host.Failed > 0 ? terminal.Red(name) : host.Changed > 0 ? terminal.Yellow(name) : terminal.Green(name);
            terminal.Out.WriteLine($"{name}: ok={host.Ok,-4} changed={host.Changed,-4} failed={host.Failed,-4} skipped={host.Skipped}");
        }

        terminal.Out.WriteLine($"elapsed: {result.Elapsed.TotalSeconds:0.000} s");
    }
}
