namespace Kolla.Start.Configuration;

/// <summary>
/// A <c>perm</c> value: the string as written (<c>--check</c> compares it literally with the last four octal
/// digits of the mode) and the mode it means. <c>NNN</c>, <c>NNNN</c>, <c>0oNNN</c> and <c>0oNNNN</c> are all octal.
/// </summary>
internal sealed record FilePermission(string Text, UnixFileMode Mode)
{
    /// <summary>Parses a perm string; anything else is a crash (<c>ValueError</c>, exit 2), as upstream.</summary>
    public static FilePermission Parse(string text)
    {
        var digits = text.StartsWith("0o", StringComparison.Ordinal) ? text[2..] : text;
        if (digits.Length is < 3 or > 4 || digits.Any(c => c is < '0' or > '7'))
        {
            throw StartException.Crash("ValueError", $"invalid perm {Quote(text)}: expected NNN, NNNN, 0oNNN or 0oNNNN in octal");
        }

        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 8) + (c - '0');
        }

        return new FilePermission(text, (UnixFileMode)value);
    }

    /// <summary>The mode for a directory: execute added wherever read is set (0640 → 0750).</summary>
    public UnixFileMode ForDirectory()
    {
        var mode = Mode;
        if (mode.HasFlag(UnixFileMode.UserRead))
        {
            mode |= UnixFileMode.UserExecute;
        }

        if (mode.HasFlag(UnixFileMode.GroupRead))
        {
            mode |= UnixFileMode.GroupExecute;
        }

        if (mode.HasFlag(UnixFileMode.OtherRead))
        {
            mode |= UnixFileMode.OtherExecute;
        }

        return mode;
    }

    private static string Quote(string text) => "'" + text + "'";
}
