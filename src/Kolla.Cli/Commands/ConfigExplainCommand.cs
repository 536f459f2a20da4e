using System.CommandLine;
using Kolla.Configuration;

namespace Kolla.Cli.Commands;

/// <summary>
/// <c>kolla config explain [--no-whitespace] SOURCE... --key SECTION.KEY</c>: which source and line set a merged
/// key, and which earlier values it shadowed.
/// </summary>
internal static class ConfigExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var sources = ConfigCommandSupport.Sources();
        var noWhitespace = ConfigCommandSupport.NoWhitespace();
        var keys = new Option<string[]>("--key", "-k")
        {
            Description = "The key to explain, as SECTION.KEY (a key without a section: just KEY). May be repeated.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("explain", "Show which source file and line won for a merged INI key, and what it shadowed.")
        {
            sources, noWhitespace, keys,
        };
        command.SetAction((parse, cancellationToken) => ConfigCommandSupport.RunAsync(console, async () =>
        {
            var options = new IniMergeOptions { TrackShadowed = true };
            var document = await IniMerger.MergeFilesAsync(parse.GetValue(sources) ?? [], options, cancellationToken).ConfigureAwait(false);
            var whitespace = !parse.GetValue(noWhitespace);
            var exit = 0;
            var first = true;
            foreach (var key in parse.GetValue(keys) ?? [])
            {
                if (document.FindDotted(key) is not { } found)
                {
                    await console.Error.WriteLineAsync($"{key}: not set by any source").ConfigureAwait(false);
                    exit = 1;
                    continue;
                }

                if (!first)
                {
                    await console.Out.WriteLineAsync().ConfigureAwait(false);
                }

                first = false;
                await console.Out.WriteAsync(Describe(document, found.Section, found.Entry, whitespace)).ConfigureAwait(false);
            }

            return exit;
        }));
        return command;
    }

    private static string Describe(IniDocument document, IniSection section, IniEntry entry, bool whitespace)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine(section.IsOrphan ? $"(no section) {entry.Key}" : $"[{section.Name}] {entry.Key}");
        w.WriteLine($"  set by {entry.First.Origin.Source}:");
        WriteValues(w, entry.Values, entry.Key, whitespace);
        if (entry.Shadowed.Count == 0)
        {
            w.WriteLine("  shadows nothing (no earlier source set it)");
        }
        else
        {
            w.WriteLine("  shadows (most recent first):");
            for (var i = entry.Shadowed.Count - 1; i >= 0; i--)
            {
                WriteValues(w, entry.Shadowed[i].Values, entry.Key, whitespace);
            }
        }

        w.Write("  sources: " + string.Join(", ", document.Sources));
        if (document.MissingSources.Count > 0)
        {
            w.Write(" (missing, skipped: " + string.Join(", ", document.MissingSources) + ")");
        }

        w.WriteLine();
        return w.ToString();
    }

    private static void WriteValues(StringWriter w, IReadOnlyList<IniValue> values, string key, bool whitespace)
    {
        foreach (var value in values)
        {
            var location = value.Origin.ToString();
            var lines = value.Format(key, whitespace).Split('\n');
            w.WriteLine($"    {location}  {lines[0]}");
            foreach (var line in lines.Skip(1))
            {
                w.WriteLine($"    {new string(' ', location.Length)}  {line}");
            }
        }
    }
}
