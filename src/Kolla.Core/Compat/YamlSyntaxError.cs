using YamlDotNet.Core;

namespace Kolla.Compat;

/// <summary>
/// Where a YamlDotNet syntax error is, as PyYAML and libyaml report it. YamlDotNet puts some errors at the start of
/// the construct it was scanning (the enclosing mapping's first line for a tab in the indentation); PyYAML points at
/// the character it could not read, and so does this.
/// </summary>
internal static class YamlSyntaxError
{
    /// <summary>The line to report and the message for a YamlDotNet error.</summary>
    /// <param name="error">The error, its position prefix already removed from <paramref name="message"/>.</param>
    /// <param name="message">The message without YamlDotNet's position prefix.</param>
    /// <param name="scanner">The scanner that failed: its position is the character it stopped at.</param>
    public static (int Line, string Message) Locate(YamlException error, string message, Scanner scanner)
    {
        if (!message.Contains(" tab", StringComparison.Ordinal))
        {
            return ((int)error.Start.Line, message);
        }

        // "found invalid tab as indentation" carries no position; the scanner stopped on the tab. The other tab
        // errors end on the tab.
        var at = error.End.Index > error.Start.Index ? error.End : scanner.CurrentPosition;
        return ((int)at.Line, $"found character '\\t' that cannot start any token (column {at.Column}): YAML indents with spaces, not tabs");
    }
}
