using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla config</c>: work with kolla's layered config files (merge, merge-yaml, explain).</summary>
internal static class ConfigCommand
{
    public static Command Create(CliConsole console) =>
        new("config", "Merge and explain layered config files exactly as kolla-ansible's merge_configs / merge_yaml do.")
        {
            ConfigMergeCommand.Create(console),
            ConfigMergeYamlCommand.Create(console),
            ConfigExplainCommand.Create(console),
        };
}
