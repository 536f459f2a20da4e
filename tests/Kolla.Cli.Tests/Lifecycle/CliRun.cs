using Kolla.Cli;

namespace Kolla.Tests.Lifecycle;

/// <summary>Runs the CLI in-process and captures what it writes.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(bool interactive, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await KollaApp.RunAsync(args, new CliConsole(output, error, interactive), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => RunAsync(false, args);
}
