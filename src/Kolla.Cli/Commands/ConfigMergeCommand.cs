using System.CommandLine;
using Kolla.Configuration;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla config merge [--no-whitespace] [-o FILE] SOURCE...</c>: merge INI files as merge_configs does.</summary>
internal static class ConfigMergeCommand
{
    public static Command Create(CliConsole console)
    {
        var sources = ConfigCommandSupport.Sources();
        var noWhitespace = ConfigCommandSupport.NoWhitespace();
        var output = ConfigCommandSupport.Output();
        var command = new Command("merge", "Merge oslo.config INI files, later files winning, byte for byte as kolla-ansible's merge_configs.")
        {
            sources, noWhitespace, output,
        };
        command.SetAction((parse, cancellationToken) => ConfigCommandSupport.RunAsync(console, async () =>
        {
            var document = await IniMerger.MergeFilesAsync(parse.GetValue(sources) ?? [], cancellationToken: cancellationToken).ConfigureAwait(false);
            var whitespace = !parse.GetValue(noWhitespace);
            await ConfigCommandSupport.WriteResultAsync(
                console, () => document.ToText(whitespace), () => document.ToUtf8(whitespace), parse.GetValue(output), cancellationToken).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
