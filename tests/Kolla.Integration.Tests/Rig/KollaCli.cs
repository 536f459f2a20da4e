using System.Text.Json;
using Kolla.Cli;

namespace Kolla.Tests.Rig;

/// <summary>The <c>kolla</c> command line, run in-process.</summary>
internal static class KollaCli
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KollaApp.RunAsync(args, new CliConsole(output, error, IsInteractive: false), cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Parses <c>--json</c> output: every line must be one JSON object.</summary>
    public static IReadOnlyList<JsonElement> JsonLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.ValueKind.Should().Be(JsonValueKind.Object, line);
            return document.RootElement.Clone();
        })];

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).ToString();
}
