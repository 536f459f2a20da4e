using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary>Options and error handling shared by the <c>kolla config</c> verbs.</summary>
internal static class ConfigCommandSupport
{
    public static Argument<string[]> Sources() => new("SOURCE")
    {
        Description = "Source files in merge order, later winning; missing files are skipped (as optional overrides are).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<bool> NoWhitespace() => new("--no-whitespace")
    {
        Description = "Write key=value without spaces (kolla's 'whitespace: false').",
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the result to FILE (atomically) instead of standard output.",
    };

    /// <summary>Runs a config verb: bad input prints one <c>FILE:LINE: message</c> line on stderr and exits 1.</summary>
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (KollaException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Writes the result to stdout, or atomically to <paramref name="output"/> as UTF-8 bytes.</summary>
    public static async Task WriteResultAsync(
        CliConsole console, Func<string> text, Func<byte[]> utf8, string? output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await console.Out.WriteAsync(text()).ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await AtomicFile.WriteAllBytesAsync(output, utf8(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{output}: cannot write: {e.Message}", e);
        }
    }
}
