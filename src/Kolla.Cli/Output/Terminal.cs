namespace Kolla.Cli.Output;

/// <summary>ANSI colours when a person is watching (and has not turned colour off); plain text otherwise.</summary>
internal sealed class Terminal(CliConsole console)
{
    public TextWriter Out => console.Out;

    /// <summary>True when a person is watching (colour and live progress allowed).</summary>
    public bool IsInteractive => console.IsInteractive;

    /// <summary>True when output is coloured (a terminal, no <c>NO_COLOR</c>, no <c>--no-color</c>).</summary>
    public bool Color => console.Color;

    public string Red(string text) => Paint(text, "31");

    public string Green(string text) => Paint(text, "32");

    public string Yellow(string text) => Paint(text, "33");

    public string Cyan(string text) => Paint(text, "36");

    public string Bold(string text) => Paint(text, "1");

    public async Task ErrorAsync(string message) =>
        await console.Error.WriteLineAsync(console.Color ? $"\u001b[31m{message}\u001b[0m" : message).ConfigureAwait(false);

    /// <summary>A warning on stderr (yellow on a terminal); the caller writes the <c>warning:</c> prefix.</summary>
    public async Task WarningAsync(string message) =>
        await console.Error.WriteLineAsync(console.Color ? $"\u001b[33m{message}\u001b[0m" : message).ConfigureAwait(false);

    /// <summary>One line on stderr, <c>error: MESSAGE</c>: the first line of a multi-line message (the rest, such as a log tail, is in the output above).</summary>
    public Task ErrorLineAsync(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return ErrorAsync("error: " + (newline < 0 ? message : message[..newline].TrimEnd() + " (details in the output above)"));
    }

    private string Paint(string text, string code) => console.Color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
