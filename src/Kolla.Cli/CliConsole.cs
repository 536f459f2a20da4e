namespace Kolla.Cli;

/// <summary>Where a command writes: standard output, standard error, and whether a person is watching.</summary>
/// <param name="Out">Standard output (plans, documents, JSON events).</param>
/// <param name="Error">Standard error (errors, warnings, progress).</param>
/// <param name="IsInteractive">True when stdout is a terminal: live progress (and, unless turned off, colour) are allowed.</param>
/// <param name="ReadSecret">Asks the person at the terminal for a secret: writes the prompt, reads a line without echo.
/// Null when standard input is not a terminal (nobody to ask).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsInteractive, Func<string, string?>? ReadSecret = null)
{
    /// <summary>True when output is coloured: on a terminal, unless <c>NO_COLOR</c> or <c>--no-color</c> says otherwise.</summary>
    public bool Color { get; init; } = IsInteractive;

    /// <summary>True when stderr is a terminal: progress there is redrawn in place rather than printed once.</summary>
    public bool ErrorIsInteractive { get; init; }

    /// <summary>The console of the running process: colour only on a terminal and when <c>NO_COLOR</c> is unset or empty.</summary>
    public static CliConsole ForProcess()
    {
        var interactive = !Console.IsOutputRedirected;
        var readSecret = Console.IsInputRedirected ? null : (Func<string, string?>)Output.TerminalSecret.Read;
        return new(Console.Out, Console.Error, interactive, readSecret)
        {
            Color = interactive && !NoColorRequested(Environment.GetEnvironmentVariable("NO_COLOR")),
            ErrorIsInteractive = !Console.IsErrorRedirected,
        };
    }

    /// <summary>no-color.org: any non-empty value of <c>NO_COLOR</c> turns colour off.</summary>
    public static bool NoColorRequested(string? value) => !string.IsNullOrEmpty(value);
}
