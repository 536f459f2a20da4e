using System.Collections;
using System.Globalization;
using System.Text;

namespace Kolla.Variables.Yaml;

/// <summary>
/// Writes plain values as YAML byte-for-byte like PyYAML's <c>yaml.safe_dump(data, default_flow_style=False)</c>,
/// which is how kolla-genpwd and kolla-mergepwd write <c>passwords.yml</c>: keys sorted, two-space indent,
/// sequences not indented under their key, 80-column folding, ASCII only, <c>null</c> for empty values.
/// </summary>
/// <remarks>
/// Multi-line strings (the PEM private keys) come out single-quoted with a blank line per line break, as
/// PyYAML writes them; YAML readers fold those back into the original text, so the file round-trips.
/// </remarks>
internal sealed class PyYamlWriter
{
    private const int BestWidth = 80;

    private readonly StringBuilder _out = new();
    private readonly int _bestIndent;
    private readonly bool _allowUnicode;
    private int _column;
    private int _indent;
    private bool _whitespace = true;
    private bool _indention = true;

    private PyYamlWriter(int indent, bool allowUnicode)
    {
        _bestIndent = indent;
        _allowUnicode = allowUnicode;
    }

    /// <summary>Serialises one document.</summary>
    /// <param name="value">The document.</param>
    /// <param name="indent">Indent step (PyYAML's <c>indent</c>; 2 by default, 4 for Ansible's <c>to_nice_yaml</c>).</param>
    /// <param name="allowUnicode">Write non-ASCII text as is instead of escaping it (PyYAML's <c>allow_unicode</c>).</param>
    public static string Dump(object? value, int indent = 2, bool allowUnicode = false)
    {
        var writer = new PyYamlWriter(indent, allowUnicode);
        writer.WriteDocument(value);
        return writer._out.ToString();
    }

    private void WriteDocument(object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } map:
                WriteMapping(map, 0);
                break;
            case IReadOnlyDictionary<string, object?>:
                Write("{}");
                LineBreak();
                break;
            case IList { Count: > 0 } list:
                WriteSequence(list, 0);
                break;
            case IList:
                Write("[]");
                LineBreak();
                break;
            default:
                _indent = _bestIndent;
                var plain = WriteScalar(value, simpleKey: false);
                LineBreak();
                if (plain)
                {
                    Write("...");
                    LineBreak();
                }

                break;
        }
    }

    private void WriteMapping(IReadOnlyDictionary<string, object?> map, int indent)
    {
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            // Inline first entries follow "- " on the same line; padding only fills up to the indent.
            Pad(indent);
            var keyAnalysis = Analyze(key, _allowUnicode);
            var simple = key.Length < 128 && !keyAnalysis.Empty && !keyAnalysis.Multiline;
            _indent = indent + _bestIndent;
            if (simple)
            {
                WriteScalar(key, simpleKey: true);
                Write(":");
            }
            else
            {
                Write("? ");
                WriteScalar(key, simpleKey: false);
                LineBreak();
                Pad(indent);
                Write(":");
            }

            WriteValue(map[key], indent, inMapping: true);
        }
    }

    private void WriteSequence(IList list, int indent)
    {
        foreach (var item in list)
        {
            // Inline first entries follow "- " on the same line; padding only fills up to the indent.
            Pad(indent);
            Write("-");
            WriteValue(item, indent, inMapping: false);
        }
    }

    private void WriteValue(object? value, int indent, bool inMapping)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } nested:
                if (inMapping)
                {
                    LineBreak();
                    WriteMapping(nested, indent + _bestIndent);
                }
                else
                {
                    Write(" ");
                    WriteMapping(nested, indent + _bestIndent);
                }

                break;
            case IReadOnlyDictionary<string, object?>:
                Write(" {}");
                LineBreak();
                break;
            case IList { Count: > 0 } nestedList:
                if (inMapping)
                {
                    LineBreak();
                    WriteSequence(nestedList, indent);
                }
                else
                {
                    Write(" ");
                    WriteSequence(nestedList, indent + _bestIndent);
                }

                break;
            case IList:
                Write(" []");
                LineBreak();
                break;
            default:
                Write(" ");
                _indent = indent + _bestIndent;
                WriteScalar(value, simpleKey: false);
                LineBreak();
                break;
        }
    }

    /// <summary>Writes a scalar; returns true when it was written plain.</summary>
    private bool WriteScalar(object? value, bool simpleKey)
    {
        switch (value)
        {
            case null:
                Write("null");
                return true;
            case bool b:
                Write(b ? "true" : "false");
                return true;
            case long or int or short or byte or ulong or uint:
                Write(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return true;
            case double d:
                Write(FloatText(d));
                return true;
            case float f:
                Write(FloatText(f));
                return true;
            case decimal m:
                Write(m == decimal.Truncate(m) && m.Scale == 0 ? m.ToString(CultureInfo.InvariantCulture) : FloatText((double)m));
                return true;
        }

        var text = value as string ?? PythonText.Str(value);
        var analysis = Analyze(text, _allowUnicode);
        var implicitString = YamlScalarResolver.ResolvesToString(text);
        if (implicitString && !(simpleKey && (analysis.Empty || analysis.Multiline)) && analysis.AllowBlockPlain)
        {
            WritePlain(text, split: !simpleKey);
            return true;
        }

        if (analysis.AllowSingleQuoted && !(simpleKey && analysis.Multiline))
        {
            WriteSingleQuoted(text, split: !simpleKey);
        }
        else
        {
            WriteDoubleQuoted(text, split: !simpleKey);
        }

        return false;
    }

    private static string FloatText(double d)
    {
        if (double.IsNaN(d))
        {
            return ".nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? ".inf" : "-.inf";
        }

        var repr = PythonText.FloatRepr(d).ToLowerInvariant();
        if (!repr.Contains('.', StringComparison.Ordinal) && repr.Contains('e', StringComparison.Ordinal))
        {
            var e = repr.IndexOf('e', StringComparison.Ordinal);
            repr = repr[..e] + ".0" + repr[e..];
        }

        return repr;
    }

    private void WritePlain(string text, bool split)
    {
        var cps = CodePoints(text);
        var spaces = false;
        var start = 0;
        for (var end = 0; end <= cps.Length; end++)
        {
            int? ch = end < cps.Length ? cps[end] : null;
            if (spaces)
            {
                if (ch != ' ')
                {
                    if (start + 1 == end && _column > BestWidth && split)
                    {
                        WriteIndent();
                        _whitespace = false;
                        _indention = false;
                    }
                    else
                    {
                        Write(cps, start, end);
                    }

                    start = end;
                }
            }
            else if (ch is null || ch == ' ')
            {
                Write(cps, start, end);
                start = end;
            }

            if (ch is not null)
            {
                spaces = ch == ' ';
            }
        }

        _whitespace = false;
        _indention = false;
    }

    private void WriteSingleQuoted(string text, bool split)
    {
        var cps = CodePoints(text);
        Write("'");
        var spaces = false;
        var breaks = false;
        var start = 0;
        for (var end = 0; end <= cps.Length; end++)
        {
            int? ch = end < cps.Length ? cps[end] : null;
            if (spaces)
            {
                if (ch is null || ch != ' ')
                {
                    if (start + 1 == end && _column > BestWidth && split && start != 0 && end != cps.Length)
                    {
                        WriteIndent();
                    }
                    else
                    {
                        Write(cps, start, end);
                    }

                    start = end;
                }
            }
            else if (breaks)
            {
                if (ch is null || !IsBreak(ch.Value))
                {
                    if (cps[start] == '\n')
                    {
                        LineBreak();
                    }

                    for (var i = start; i < end; i++)
                    {
                        if (cps[i] == '\n')
                        {
                            LineBreak();
                        }
                        else
                        {
                            Write(char.ConvertFromUtf32(cps[i]));
                            LineBreak();
                        }
                    }

                    WriteIndent();
                    start = end;
                }
            }
            else if (ch is null || ch == ' ' || IsBreak(ch.Value) || ch == '\'')
            {
                if (start < end)
                {
                    Write(cps, start, end);
                    start = end;
                }
            }

            if (ch == '\'')
            {
                Write("''");
                start = end + 1;
            }

            if (ch is not null)
            {
                spaces = ch == ' ';
                breaks = IsBreak(ch.Value);
            }
        }

        Write("'");
    }

    private void WriteDoubleQuoted(string text, bool split)
    {
        var cps = CodePoints(text);
        Write("\"");
        var start = 0;
        for (var end = 0; end <= cps.Length; end++)
        {
            int? ch = end < cps.Length ? cps[end] : null;
            if (ch is null || ch is '"' or '\\' or 0x85 or 0x2028 or 0x2029 or 0xFEFF || ch < 0x20 || (ch > 0x7E && !(_allowUnicode && IsPrintableUnicode(ch.Value))))
            {
                if (start < end)
                {
                    Write(cps, start, end);
                    start = end;
                }

                if (ch is not null)
                {
                    Write(Escape(ch.Value));
                    start = end + 1;
                }
            }

            if (end > 0 && end < cps.Length - 1 && (ch == ' ' || start >= end)
                && _column + (end - start) > BestWidth && split)
            {
                var data = CodePointText(cps, start, end) + "\\";
                if (start < end)
                {
                    start = end;
                }

                Write(data);
                WriteIndent();
                _whitespace = false;
                _indention = false;
                if (cps[start] == ' ')
                {
                    Write("\\");
                }
            }
        }

        Write("\"");
    }

    private static string Escape(int ch) => ch switch
    {
        0 => "\\0",
        0x07 => "\\a",
        0x08 => "\\b",
        0x09 => "\\t",
        0x0A => "\\n",
        0x0B => "\\v",
        0x0C => "\\f",
        0x0D => "\\r",
        0x1B => "\\e",
        '"' => "\\\"",
        '\\' => "\\\\",
        0x85 => "\\N",
        0xA0 => "\\_",
        0x2028 => "\\L",
        0x2029 => "\\P",
        <= 0xFF => "\\x" + ch.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "\\u" + ch.ToString("X4", CultureInfo.InvariantCulture),
        _ => "\\U" + ch.ToString("X8", CultureInfo.InvariantCulture),
    };

    private static bool IsPrintableUnicode(int ch) => (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD) || (ch >= 0x10000 && ch < 0x10FFFF);

    private static bool IsBreak(int ch) => ch is '\n' or 0x85 or 0x2028 or 0x2029;

    private static bool IsWhitespaceOrEnd(int ch) => ch is 0 or ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            result.Add(rune.Value);
        }

        return [.. result];
    }

    private static string CodePointText(int[] cps, int start, int end)
    {
        var sb = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            sb.Append(char.ConvertFromUtf32(cps[i]));
        }

        return sb.ToString();
    }

    /// <summary>PyYAML's scalar analysis: which styles can carry this text unchanged.</summary>
    private static ScalarAnalysis Analyze(string text, bool allowUnicode)
    {
        if (text.Length == 0)
        {
            return new ScalarAnalysis(Empty: true, Multiline: false, AllowBlockPlain: true, AllowSingleQuoted: true);
        }

        var cps = CodePoints(text);
        bool blockIndicators = false, flowIndicators = false, lineBreaks = false, specialCharacters = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            blockIndicators = true;
            flowIndicators = true;
        }

        var precededByWhitespace = true;
        var followedByWhitespace = cps.Length == 1 || IsWhitespaceOrEnd(cps[1]);
        for (var index = 0; index < cps.Length; index++)
        {
            var ch = cps[index];
            if (index == 0)
            {
                if ("#,[]{}&*!|>'\"%@`".Contains((char)ch, StringComparison.Ordinal) && ch < 0x80)
                {
                    flowIndicators = true;
                    blockIndicators = true;
                }

                if (ch is '?' or ':')
                {
                    flowIndicators = true;
                    if (followedByWhitespace)
                    {
                        blockIndicators = true;
                    }
                }

                if (ch == '-' && followedByWhitespace)
                {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
            else
            {
                if (ch is ',' or '?' or '[' or ']' or '{' or '}')
                {
                    flowIndicators = true;
                }

                if (ch == ':')
                {
                    flowIndicators = true;
                    if (followedByWhitespace)
                    {
                        blockIndicators = true;
                    }
                }

                if (ch == '#' && precededByWhitespace)
                {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }

            if (IsBreak(ch))
            {
                lineBreaks = true;
            }

            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E)))
            {
                var printableUnicode = (ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD) || (ch >= 0x10000 && ch < 0x10FFFF)) && ch != 0xFEFF;
                if (!printableUnicode || !allowUnicode)
                {
                    specialCharacters = true;
                }
            }

            if (ch == ' ')
            {
                if (index == 0)
                {
                    leadingSpace = true;
                }

                if (index == cps.Length - 1)
                {
                    trailingSpace = true;
                }

                if (previousBreak)
                {
                    breakSpace = true;
                }

                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(ch))
            {
                if (index == 0)
                {
                    leadingBreak = true;
                }

                if (index == cps.Length - 1)
                {
                    trailingBreak = true;
                }

                if (previousSpace)
                {
                    spaceBreak = true;
                }

                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }

            precededByWhitespace = IsWhitespaceOrEnd(ch);
            followedByWhitespace = index + 2 >= cps.Length || IsWhitespaceOrEnd(cps[index + 2]);
        }

        var allowBlockPlain = true;
        var allowSingleQuoted = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        {
            allowBlockPlain = false;
        }

        if (breakSpace)
        {
            allowBlockPlain = false;
            allowSingleQuoted = false;
        }

        if (spaceBreak || specialCharacters)
        {
            allowBlockPlain = false;
            allowSingleQuoted = false;
        }

        if (lineBreaks)
        {
            allowBlockPlain = false;
        }

        if (blockIndicators)
        {
            allowBlockPlain = false;
        }

        _ = flowIndicators;
        return new ScalarAnalysis(Empty: false, Multiline: lineBreaks, AllowBlockPlain: allowBlockPlain, AllowSingleQuoted: allowSingleQuoted);
    }

    private void Pad(int indent)
    {
        if (_column < indent)
        {
            Write(new string(' ', indent - _column));
        }
    }

    private void WriteIndent()
    {
        if (!_indention || _column > _indent || (_column == _indent && !_whitespace))
        {
            LineBreak();
        }

        if (_column < _indent)
        {
            _whitespace = true;
            Write(new string(' ', _indent - _column));
            _whitespace = true;
        }
    }

    private void LineBreak()
    {
        _out.Append('\n');
        _column = 0;
        _whitespace = true;
        _indention = true;
    }

    private void Write(string text)
    {
        _out.Append(text);
        _column += text.EnumerateRunes().Count();
        _whitespace = false;
        _indention = _indention && text.All(c => c == ' ');
    }

    private void Write(int[] cps, int start, int end)
    {
        if (start < end)
        {
            Write(CodePointText(cps, start, end));
        }
    }

    private readonly record struct ScalarAnalysis(bool Empty, bool Multiline, bool AllowBlockPlain, bool AllowSingleQuoted);
}
