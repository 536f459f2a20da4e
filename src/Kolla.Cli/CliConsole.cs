namespace Kolla.Cli;

/// <summary>Where a command writes: standard output, standard error, and whether a person is watching.</summary>
/// <param name="Out">Standard output (plans, documents, JSON events).</param>
/// <param name="Error">Standard error (errors, warnings).</param>
/// <param name="IsInteractive">True when stdout is a terminal: live progress and colour are allowed.</param>
/// <param name="ReadSecret">Asks the person at the terminal for a secret: writes the prompt, reads a line without echo.
/// Null when standard input is not a terminal (nobody to ask).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsInteractive, Func<string, string?>? ReadSecret = null);
