using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Kolla.Compat;

/// <summary>
/// Writes YAML values byte for byte as PyYAML's <c>yaml.dump(data, default_flow_style=False, width=W)</c> does:
/// block collections, <c>{}</c>/<c>[]</c> for empty ones, keys sorted when they can be ordered, YAML 1.1-aware
/// quoting, non-ASCII escaped in double quotes, folding at the width, <c>&amp;idNNN</c> anchors for shared objects.
/// </summary>
/// <remarks>A port of the decisions PyYAML's representer, serializer and emitter make, for the types a safe load produces.</remarks>
internal static class PyYamlWriter
{
    /// <summary>PyYAML's default line width.</summary>
    public const int DefaultWidth = 80;

    private const int DefaultIndent = 2;

    /// <summary>Writes <paramref name="value"/> as a YAML document.</summary>
    /// <param name="value">A YAML value as a safe load builds it (a dict with Python keys is any
    /// <c>IEnumerable&lt;KeyValuePair&lt;object?, object?&gt;&gt;</c>, dates and timestamps are <see cref="IPyTimestamp"/>s),
    /// or plain .NET values: string-keyed read-only dictionaries (keys sorted), lists, any integer type,
    /// <see cref="float"/> and <see cref="decimal"/>.</param>
    /// <param name="width">Line width (kolla's <c>yaml_width</c>); null or 4 and below means 80.</param>
    /// <exception cref="ArgumentException">The value holds a type YAML cannot represent.</exception>
    public static string Write(object? value, int? width = null) => Write(value, width, DefaultIndent, allowUnicode: false);

    /// <summary>
    /// Writes <paramref name="value"/> as PyYAML's <c>yaml.safe_dump(data, default_flow_style=False, width=W,
    /// indent=I, allow_unicode=U)</c> does (kolla-genpwd's <c>passwords.yml</c>, Ansible's <c>to_yaml</c> filters).
    /// </summary>
    /// <param name="value">A YAML value.</param>
    /// <param name="width">Line width; null or not above twice the indent means 80.</param>
    /// <param name="indent">Indent step; outside 2..9 means 2 (PyYAML's rule).</param>
    /// <param name="allowUnicode">Write printable non-ASCII text as is instead of escaping it.</param>
    internal static string Write(object? value, int? width, int indent, bool allowUnicode)
    {
        var root = new Representer().Represent(value);
        var bestIndent = indent is > 1 and < 10 ? indent : DefaultIndent;
        var bestWidth = width is { } w && w > bestIndent * 2 ? w : DefaultWidth;
        return new Emitter(bestWidth, bestIndent, allowUnicode).Emit(root);
    }

    /// <summary>PyYAML's representation of a float: <c>.nan</c>, <c>.inf</c>, <c>-.inf</c>, or repr lower-cased with <c>.0</c> forced before an exponent.</summary>
    public static string FloatText(double value)
    {
        var repr = PyText.FloatRepr(value);
        if (!double.IsFinite(value))
        {
            return repr[0] == '-' ? "-." + repr[1..] : "." + repr;
        }

        if (!repr.Contains('.', StringComparison.Ordinal) && repr.Contains('e', StringComparison.Ordinal))
        {
            var e = repr.IndexOf('e', StringComparison.Ordinal);
            repr = string.Concat(repr.AsSpan(0, e), ".0", repr.AsSpan(e));
        }

        return repr;
    }

    private enum Kind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    private sealed class RNode(Kind kind, string tag)
    {
        public Kind Kind { get; } = kind;

        public string Tag { get; } = tag;

        public string Value { get; init; } = string.Empty;

        public List<RNode> Items { get; } = [];

        public List<(RNode Key, RNode Value)> Pairs { get; } = [];
    }

    /// <summary>Python objects → representation nodes; lists, dicts and dates keep identity (aliases), other scalars do not.</summary>
    private sealed class Representer
    {
        private readonly Dictionary<object, RNode> _represented = new(ReferenceEqualityComparer.Instance);

        public RNode Represent(object? value)
        {
            if (value is IPyTimestamp or IEnumerable<KeyValuePair<object?, object?>> or IList or IReadOnlyDictionary<string, object?> && _represented.TryGetValue(value, out var seen))
            {
                return seen;
            }

            switch (value)
            {
                case null:
                    return Scalar(YamlTags.Null, "null");
                case string s:
                    return Scalar(YamlTags.Str, s);
                case bool b:
                    return Scalar(YamlTags.Bool, b ? "true" : "false");
                case BigInteger i:
                    return Scalar(YamlTags.Int, i.ToString(CultureInfo.InvariantCulture));
                case int i:
                    return Scalar(YamlTags.Int, i.ToString(CultureInfo.InvariantCulture));
                case long l:
                    return Scalar(YamlTags.Int, l.ToString(CultureInfo.InvariantCulture));
                case double d:
                    return Scalar(YamlTags.Float, FloatText(d));
                case IPyTimestamp { Python: var ts }:
                    return Remember(value, Scalar(YamlTags.Timestamp, ts.IsoFormat(' ')));
                case IEnumerable<KeyValuePair<object?, object?>> map:
                    {
                        // A dict with Python keys: sorted when they can all be ordered, as yaml.dump does.
                        var node = Remember(map, new RNode(Kind.Mapping, YamlTags.Map));
                        var entries = map.ToList();
                        foreach (var i in PyKey.SortedOrder([.. entries.Select(e => e.Key)]))
                        {
                            var keyNode = Represent(entries[i].Key);
                            node.Pairs.Add((keyNode, Represent(entries[i].Value)));
                        }

                        return node;
                    }

                case IReadOnlyDictionary<string, object?> dict:
                    {
                        // Plain .NET mappings (passwords, template values) have string keys; Python sorts them.
                        var node = Remember(dict, new RNode(Kind.Mapping, YamlTags.Map));
                        foreach (var key in dict.Keys.Order(StringComparer.Ordinal))
                        {
                            node.Pairs.Add((Scalar(YamlTags.Str, key), Represent(dict[key])));
                        }

                        return node;
                    }

                case IList items:
                    {
                        var node = Remember(items, new RNode(Kind.Sequence, YamlTags.Seq));
                        foreach (var item in items)
                        {
                            node.Items.Add(Represent(item));
                        }

                        return node;
                    }

                case short or byte or uint or ulong:
                    return Scalar(YamlTags.Int, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                case float f:
                    return Scalar(YamlTags.Float, FloatText(f));
                case decimal m when m == decimal.Truncate(m) && m.Scale == 0:
                    return Scalar(YamlTags.Int, m.ToString(CultureInfo.InvariantCulture));
                case decimal m:
                    return Scalar(YamlTags.Float, FloatText((double)m));
                case IFormattable f:
                    return Scalar(YamlTags.Str, f.ToString(null, CultureInfo.InvariantCulture));
                default:
                    throw new ArgumentException($"cannot represent a {value.GetType().Name} in YAML", nameof(value));
            }
        }

        private static RNode Scalar(string tag, string value) => new(Kind.Scalar, tag) { Value = value };

        private RNode Remember(object value, RNode node)
        {
            _represented[value] = node;
            return node;
        }
    }

    private sealed class Analysis
    {
        public required int[] Scalar { get; init; }

        public bool Empty { get; init; }

        public bool Multiline { get; init; }

        public bool AllowFlowPlain { get; init; }

        public bool AllowBlockPlain { get; init; }

        public bool AllowSingleQuoted { get; init; }
    }

    private enum Style
    {
        Plain,
        Single,
        Double,
    }

    /// <summary>PyYAML's emitter state machine, written as recursion over the node graph.</summary>
    private sealed class Emitter(int bestWidth, int bestIndent, bool allowUnicode)
    {

        private readonly StringBuilder _out = new();
        private readonly Stack<int?> _indents = new();
        private readonly Dictionary<RNode, string?> _anchors = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<RNode> _serialized = new(ReferenceEqualityComparer.Instance);
        private int? _indent;
        private int _flowLevel;
        private int _column;
        private bool _whitespace = true;
        private bool _indention = true;
        private bool _openEnded;
        private bool _rootContext;
        private bool _sequenceContext;
        private bool _mappingContext;
        private bool _simpleKeyContext;
        private int _lastAnchor;

        public string Emit(RNode root)
        {
            AnchorNode(root);
            EmitNode(root, root: true);

            // Document end: finish the line; a root plain scalar leaves the stream open-ended ("...").
            WriteIndent();
            if (_openEnded)
            {
                WriteIndicator("...", true);
                WriteIndent();
            }

            return _out.ToString();
        }

        private void AnchorNode(RNode node)
        {
            if (_anchors.TryGetValue(node, out var anchor))
            {
                if (anchor is null)
                {
                    _anchors[node] = string.Create(CultureInfo.InvariantCulture, $"id{++_lastAnchor:D3}");
                }

                return;
            }

            _anchors[node] = null;
            foreach (var item in node.Items)
            {
                AnchorNode(item);
            }

            foreach (var (key, value) in node.Pairs)
            {
                AnchorNode(key);
                AnchorNode(value);
            }
        }

        private void EmitNode(RNode node, bool root = false, bool sequence = false, bool mapping = false, bool simpleKey = false)
        {
            _rootContext = root;
            _sequenceContext = sequence;
            _mappingContext = mapping;
            _simpleKeyContext = simpleKey;
            var anchor = _anchors[node];
            if (!_serialized.Add(node))
            {
                WriteIndicator("*" + anchor, true);
                return;
            }

            if (anchor is not null)
            {
                WriteIndicator("&" + anchor, true);
            }

            var isSequence = node.Kind == Kind.Sequence;
            if (node.Kind == Kind.Scalar)
            {
                EmitScalar(node);
            }
            else if (_flowLevel > 0 || node.Items.Count + node.Pairs.Count == 0)
            {
                EmitFlowCollection(node, isSequence ? "[" : "{", isSequence ? "]" : "}");
            }
            else if (isSequence)
            {
                EmitBlockSequence(node);
            }
            else
            {
                EmitBlockMapping(node);
            }
        }

        private void EmitFlowCollection(RNode node, string open, string close)
        {
            if (node.Items.Count > 0 || node.Pairs.Count > 0)
            {
                throw new InvalidOperationException("flow collections are only used for empty ones");
            }

            WriteIndicator(open, true, whitespace: true);
            _flowLevel++;
            IncreaseIndent(flow: true);
            _indent = _indents.Pop();
            _flowLevel--;
            WriteIndicator(close, false);
        }

        private void EmitBlockSequence(RNode node)
        {
            var indentless = _mappingContext && !_indention;
            IncreaseIndent(flow: false, indentless: indentless);
            foreach (var item in node.Items)
            {
                WriteIndent();
                WriteIndicator("-", true, indention: true);
                EmitNode(item, sequence: true);
            }

            _indent = _indents.Pop();
        }

        private void EmitBlockMapping(RNode node)
        {
            IncreaseIndent(flow: false);
            foreach (var (key, value) in node.Pairs)
            {
                WriteIndent();
                if (IsSimpleKey(key))
                {
                    EmitNode(key, mapping: true, simpleKey: true);
                    WriteIndicator(":", false);
                    EmitNode(value, mapping: true);
                }
                else
                {
                    WriteIndicator("?", true, indention: true);
                    EmitNode(key, mapping: true);
                    WriteIndent();
                    WriteIndicator(":", true, indention: true);
                    EmitNode(value, mapping: true);
                }
            }

            _indent = _indents.Pop();
        }

        private bool IsSimpleKey(RNode key)
        {
            var length = 0;
            var anchor = _anchors[key];
            var isAlias = _serialized.Contains(key);
            if (anchor is not null)
            {
                length += anchor.Length;
            }

            if (isAlias)
            {
                return length < 128;
            }

            // PyYAML counts the tag it would write ("!!str") even when it is implicit and not written.
            length += ShortTag(key.Tag).Length;
            if (key.Kind == Kind.Scalar)
            {
                var analysis = Analyze(key.Value);
                length += analysis.Scalar.Length;
                return length < 128 && !analysis.Empty && !analysis.Multiline;
            }

            return length < 128 && key.Items.Count == 0 && key.Pairs.Count == 0;
        }

        private static string ShortTag(string tag) =>
            tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : "!<" + tag + ">";

        private void EmitScalar(RNode node)
        {
            var analysis = Analyze(node.Value);
            var plainImplicit = node.Tag == YamlTags.ResolvePlain(node.Value);
            var quotedImplicit = node.Tag == YamlTags.Str;
            var style = ChooseStyle(analysis, plainImplicit);
            if (!((style == Style.Plain && plainImplicit) || (style != Style.Plain && quotedImplicit)))
            {
                WriteIndicator(ShortTag(node.Tag), true);
            }

            IncreaseIndent(flow: true);
            var split = !_simpleKeyContext;
            switch (style)
            {
                case Style.Double:
                    WriteDoubleQuoted(analysis.Scalar, split);
                    break;
                case Style.Single:
                    WriteSingleQuoted(analysis.Scalar, split);
                    break;
                default:
                    WritePlain(analysis.Scalar, split);
                    break;
            }

            _indent = _indents.Pop();
        }

        private Style ChooseStyle(Analysis analysis, bool plainImplicit)
        {
            if (plainImplicit
                && !(_simpleKeyContext && (analysis.Empty || analysis.Multiline))
                && ((_flowLevel > 0 && analysis.AllowFlowPlain) || (_flowLevel == 0 && analysis.AllowBlockPlain)))
            {
                return Style.Plain;
            }

            if (analysis.AllowSingleQuoted && !(_simpleKeyContext && analysis.Multiline))
            {
                return Style.Single;
            }

            return Style.Double;
        }

        private static bool IsBreak(int ch) => ch is '\n' or '\u0085' or '\u2028' or '\u2029';

        private static bool IsSpaceOrBreakOrEnd(int ch) => ch is '\0' or ' ' or '\t' or '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

        /// <summary>Non-ASCII characters PyYAML's analysis counts as printable (with allow_unicode they need no quoting).</summary>
        private static bool IsPrintableUnicode(int ch) =>
            (ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD) || (ch >= 0x10000 && ch < 0x10FFFF)) && ch != 0xFEFF;

        private Analysis Analyze(string text)
        {
            var scalar = PyText.CodePoints(text);
            if (scalar.Length == 0)
            {
                return new Analysis { Scalar = scalar, Empty = true, AllowBlockPlain = true, AllowSingleQuoted = true };
            }

            var blockIndicators = false;
            var flowIndicators = false;
            var lineBreaks = false;
            var specialCharacters = false;
            var leadingSpace = false;
            var leadingBreak = false;
            var trailingSpace = false;
            var trailingBreak = false;
            var breakSpace = false;
            var spaceBreak = false;

            if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
            {
                blockIndicators = true;
                flowIndicators = true;
            }

            var precededByWhitespace = true;
            var followedByWhitespace = scalar.Length == 1 || IsSpaceOrBreakOrEnd(scalar[1]);
            var previousSpace = false;
            var previousBreak = false;
            for (var index = 0; index < scalar.Length; index++)
            {
                var ch = scalar[index];
                if (index == 0)
                {
                    var indicator = ch is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
                        || (ch == '-' && followedByWhitespace);
                    flowIndicators |= indicator || ch is '?' or ':';
                    blockIndicators |= indicator || (ch is '?' or ':' && followedByWhitespace);
                }
                else
                {
                    var comment = ch == '#' && precededByWhitespace;
                    flowIndicators |= comment || ch is ',' or '?' or '[' or ']' or '{' or '}' or ':';
                    blockIndicators |= comment || (ch == ':' && followedByWhitespace);
                }

                lineBreaks |= IsBreak(ch);
                if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E)) && !(allowUnicode && IsPrintableUnicode(ch)))
                {
                    // Without allow_unicode every non-ASCII character forces double quotes.
                    specialCharacters = true;
                }

                var space = ch == ' ';
                var lineBreak = IsBreak(ch);
                leadingSpace |= space && index == 0;
                leadingBreak |= lineBreak && index == 0;
                trailingSpace |= space && index == scalar.Length - 1;
                trailingBreak |= lineBreak && index == scalar.Length - 1;
                breakSpace |= space && previousBreak;
                spaceBreak |= lineBreak && previousSpace;
                previousSpace = space;
                previousBreak = lineBreak;
                precededByWhitespace = IsSpaceOrBreakOrEnd(ch);
                followedByWhitespace = index + 2 >= scalar.Length || IsSpaceOrBreakOrEnd(scalar[index + 2]);
            }

            var allowFlowPlain = true;
            var allowBlockPlain = true;
            var allowSingleQuoted = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
            {
                allowFlowPlain = allowBlockPlain = false;
            }

            if (breakSpace)
            {
                allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
            }

            if (spaceBreak || specialCharacters)
            {
                allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
            }

            if (lineBreaks)
            {
                allowFlowPlain = allowBlockPlain = false;
            }

            if (flowIndicators)
            {
                allowFlowPlain = false;
            }

            if (blockIndicators)
            {
                allowBlockPlain = false;
            }

            return new Analysis
            {
                Scalar = scalar,
                Multiline = lineBreaks,
                AllowFlowPlain = allowFlowPlain,
                AllowBlockPlain = allowBlockPlain,
                AllowSingleQuoted = allowSingleQuoted,
            };
        }

        private void IncreaseIndent(bool flow, bool indentless = false)
        {
            _indents.Push(_indent);
            if (_indent is null)
            {
                _indent = flow ? bestIndent : 0;
            }
            else if (!indentless)
            {
                _indent += bestIndent;
            }
        }

        private void WriteIndicator(string indicator, bool needWhitespace, bool whitespace = false, bool indention = false)
        {
            if (!_whitespace && needWhitespace)
            {
                _out.Append(' ');
                _column++;
            }

            _out.Append(indicator);
            _column += indicator.Length;
            _whitespace = whitespace;
            _indention = _indention && indention;
            _openEnded = false;
        }

        private void WriteIndent()
        {
            var indent = _indent ?? 0;
            if (!_indention || _column > indent || (_column == indent && !_whitespace))
            {
                WriteLineBreak();
            }

            if (_column < indent)
            {
                _whitespace = true;
                _out.Append(' ', indent - _column);
                _column = indent;
            }
        }

        private void WriteLineBreak(int? data = null)
        {
            _whitespace = true;
            _indention = true;
            _column = 0;
            AppendCodePoint(data ?? '\n');
        }

        private void Write(int[] text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                AppendCodePoint(text[i]);
                _column++;
            }
        }

        private void AppendCodePoint(int cp)
        {
            if (cp < 0x10000)
            {
                _out.Append((char)cp);
            }
            else
            {
                _out.Append(char.ConvertFromUtf32(cp));
            }
        }

        private void WritePlain(int[] text, bool split)
        {
            if (_rootContext)
            {
                _openEnded = true;
            }

            if (text.Length == 0)
            {
                return;
            }

            if (!_whitespace)
            {
                _out.Append(' ');
                _column++;
            }

            _whitespace = false;
            _indention = false;
            WriteRuns(text, split, quoted: false);
        }

        private void WriteSingleQuoted(int[] text, bool split)
        {
            WriteIndicator("'", true);
            WriteRuns(text, split, quoted: true);
            WriteIndicator("'", false);
        }

        /// <summary>
        /// The body of a plain or single-quoted scalar: words as they are, a single space past the width folded (in a
        /// quoted scalar, not at its ends), line breaks doubled, a quote written twice inside single quotes.
        /// </summary>
        private void WriteRuns(int[] text, bool split, bool quoted)
        {
            var spaces = false;
            var breaks = false;
            var start = 0;
            for (var end = 0; end <= text.Length; end++)
            {
                int? ch = end < text.Length ? text[end] : null;
                if (spaces)
                {
                    if (ch != ' ')
                    {
                        if (start + 1 == end && _column > bestWidth && split && (!quoted || (start != 0 && end != text.Length)))
                        {
                            WriteIndentInScalar(quoted);
                        }
                        else
                        {
                            Write(text, start, end);
                        }

                        start = end;
                    }
                }
                else if (breaks)
                {
                    if (ch is not { } c || !IsBreak(c))
                    {
                        if (text[start] == '\n')
                        {
                            WriteLineBreak();
                        }

                        for (var i = start; i < end; i++)
                        {
                            WriteLineBreak(text[i]);
                        }

                        WriteIndentInScalar(quoted);
                        start = end;
                    }
                }
                else if ((ch is not { } c || c == ' ' || IsBreak(c) || (quoted && c == '\'')) && start < end)
                {
                    Write(text, start, end);
                    start = end;
                }

                if (quoted && ch == '\'')
                {
                    _out.Append("''");
                    _column += 2;
                    start = end + 1;
                }

                if (ch is { } next)
                {
                    spaces = next == ' ';
                    breaks = IsBreak(next);
                }
            }
        }

        // A plain scalar goes on as if at the start of a word; a quoted one leaves the flags to its next write.
        private void WriteIndentInScalar(bool quoted)
        {
            WriteIndent();
            if (!quoted)
            {
                _whitespace = false;
                _indention = false;
            }
        }

        private static string? EscapeFor(int ch) => ch switch
        {
            '\0' => "0",
            '\u0007' => "a",
            '\b' => "b",
            '\t' => "t",
            '\n' => "n",
            '\u000B' => "v",
            '\f' => "f",
            '\r' => "r",
            '\u001B' => "e",
            '"' => "\"",
            '\\' => "\\",
            '\u0085' => "N",
            '\u00A0' => "_",
            '\u2028' => "L",
            '\u2029' => "P",
            _ => null,
        };

        private void WriteDoubleQuoted(int[] text, bool split)
        {
            WriteIndicator("\"", true);
            var start = 0;
            for (var end = 0; end <= text.Length; end++)
            {
                int? ch = end < text.Length ? text[end] : null;
                if (ch is not { } c || c is '"' or '\\' or 0x85 or 0x2028 or 0x2029 or 0xFEFF || !((c >= 0x20 && c <= 0x7E) || (allowUnicode && ((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)))))
                {
                    if (start < end)
                    {
                        Write(text, start, end);
                        start = end;
                    }

                    if (ch is { } e)
                    {
                        string data;
                        if (EscapeFor(e) is { } short_)
                        {
                            data = "\\" + short_;
                        }
                        else if (e <= 0xFF)
                        {
                            data = string.Create(CultureInfo.InvariantCulture, $"\\x{e:X2}");
                        }
                        else if (e <= 0xFFFF)
                        {
                            data = string.Create(CultureInfo.InvariantCulture, $"\\u{e:X4}");
                        }
                        else
                        {
                            data = string.Create(CultureInfo.InvariantCulture, $"\\U{e:X8}");
                        }

                        _out.Append(data);
                        _column += data.Length;
                        start = end + 1;
                    }
                }

                if (end > 0 && end < text.Length - 1 && (ch == ' ' || start >= end) && _column + (end - start) > bestWidth && split)
                {
                    Write(text, start, end);
                    _out.Append('\\');
                    _column++;
                    if (start < end)
                    {
                        start = end;
                    }

                    WriteIndent();
                    _whitespace = false;
                    _indention = false;
                    if (text[start] == ' ')
                    {
                        _out.Append('\\');
                        _column++;
                    }
                }
            }

            WriteIndicator("\"", false);
        }
    }
}
