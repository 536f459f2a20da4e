using System.CommandLine;
using System.Text;
using Kolla.Configuration;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla config merge-yaml [--extend-lists] [--width N] [-o FILE] SOURCE...</c>: merge YAML files as merge_yaml does.</summary>
internal static class ConfigMergeYamlCommand
{
    public static Command Create(CliConsole console)
    {
        var sources = ConfigCommandSupport.Sources();
        var extendLists = new Option<bool>("--extend-lists")
        {
            Description = "Append a later list to an earlier one at the same key instead of replacing it (kolla's 'extend_lists').",
        };
        // PyYAML ignores a width of twice the indent (4) or less and uses 80: such a width is refused here instead.
        var width = WholeNumberOption.CreateOptional("--width", "Output line width (kolla's 'yaml_width'; default 80, as PyYAML; at least 5).", minimum: 5);
        var output = ConfigCommandSupport.Output();
        var command = new Command("merge-yaml", "Deep-merge YAML files, later files winning, byte for byte as kolla-ansible's merge_yaml.")
        {
            sources, extendLists, width, output,
        };
        command.SetAction((parse, cancellationToken) => ConfigCommandSupport.RunAsync(console, async () =>
        {
            var options = new YamlMergeOptions { ExtendLists = parse.GetValue(extendLists), Width = parse.GetValue(width) };
            var files = new List<ConfigSource>();
            foreach (var path in parse.GetValue(sources) ?? [])
            {
                files.Add(await ConfigSource.ReadFileAsync(path, cancellationToken).ConfigureAwait(false));
            }

            var text = YamlMerger.MergeToText(files, options);
            await ConfigCommandSupport.WriteResultAsync(
                console, () => text, () => new UTF8Encoding(false).GetBytes(text), parse.GetValue(output), cancellationToken).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
