using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kolla.Compat;

/// <summary>
/// Python's <c>ast.literal_eval</c> for the literals an INI inventory value can hold (ansible's INI
/// plugin feeds every inline host value and every <c>[g:vars]</c> value through it and keeps the text
/// when it fails).
/// </summary>
/// <remarks>
/// Accepted: integers (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, underscores), floats (<c>1.5</c>,
/// <c>1e3</c>, <c>.5</c>, <c>5.</c>), one unary sign on a number, strings and bytes with Python escapes
/// and prefixes (adjacent literals concatenate), <c>True</c>/<c>False</c>/<c>None</c>, lists, tuples,
/// sets, dicts and <c>set()</c>. So <c>yes</c>, <c>true</c>, <c>01</c> and <c>{a:1}</c> stay text.
/// Differences: tuples and sets become lists; dict keys become text the way Python's json writes
/// them; complex numbers, <c>\N{...}</c> escapes, unhashable keys and undecodable bytes are kept as
/// text (Python would produce values ansible-inventory cannot print).
/// </remarks>
internal static partial class PythonLiteral
{
    private const int MaxDepth = 200;

    /// <summary>Evaluates <paramref name="text"/> as a Python literal.</summary>
    /// <returns>True with the value, or false when Python would raise ValueError/SyntaxError.</returns>
    public static bool TryEvaluate(string text, out object? value)
    {
        if (!CouldBeLiteral(text))
        {
            value = null;
            return false;
        }

        var parser = new Parser(text);
        try
        {
            value = parser.ParseTop();
            return true;
        }
        catch (NotALiteral)
        {
            value = null;
            return false;
        }
    }

    // Most inventory values are plain words, paths and addresses; without quotes or brackets the only
    // possible literals are numbers, True/False/None and bare tuples of them, so anything else is text
    // without running the parser (whose failures are exceptions, slow for thousands of host lines).
    private static bool CouldBeLiteral(string text)
    {
        if (text.AsSpan().IndexOfAny("'\"([{") >= 0)
        {
            return true;
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var code = hash >= 0 ? text[..hash] : text;
        foreach (var part in code.Split(','))
        {
            if (!PlainLiteralPart().IsMatch(part) && !string.IsNullOrWhiteSpace(part))
            {
                return false;
            }
        }

        return !string.IsNullOrWhiteSpace(code);
    }

    [GeneratedRegex(@"^[ \t\f]*(?:[+-][ \t\f]*)?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?|\.[0-9][0-9_]*(?:[eE][+-]?[0-9_]+)?|0[xXoObB][0-9a-fA-F_]+|True|False|None)[jJ]?[ \t\f]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainLiteralPart();

    /// <summary>The INI plugin's <c>_parse_value</c>: the literal's value, or the text itself.</summary>
    public static object? ParseValue(string text) => TryEvaluate(text, out var value) ? value : text;

    [GeneratedRegex(@"\G(?:(?<int>[0-9](?:_?[0-9])*)?(?:(?<dot>\.)(?<frac>[0-9](?:_?[0-9])*)?)?(?<exp>[eE][+-]?[0-9](?:_?[0-9])*)?(?<imag>[jJ])?)", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"\G0(?:[xX](?<hex>(?:_?[0-9a-fA-F])+)|[oO](?<oct>(?:_?[0-7])+)|[bB](?<bin>(?:_?[01])+))", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedInteger();

    private sealed class NotALiteral : Exception
    {
    }

    /// <summary>A Python value that is a set while parsing (becomes a list).</summary>
    private sealed class SetMarker(List<object?> items)
    {
        public List<object?> Items { get; } = items;
    }

    private sealed class TupleMarker(List<object?> items)
    {
        public List<object?> Items { get; } = items;
    }

    private sealed class Parser(string text)
    {
        private readonly string _text = text;
        private int _pos;
        private int _depth;

        public object? ParseTop()
        {
            // ast.literal_eval strips leading spaces and tabs before parsing.
            SkipTrivia();
            if (AtEnd)
            {
                throw new NotALiteral();
            }

            var value = ParseTestList(allowBareTuple: true);
            SkipTrivia();
            if (!AtEnd)
            {
                throw new NotALiteral();
            }

            return Finish(value);
        }

        private bool AtEnd => _pos >= _text.Length;

        private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

        private void SkipTrivia()
        {
            while (!AtEnd)
            {
                var c = _text[_pos];
                if (c is ' ' or '\t' or '\f' or '\r' or '\n')
                {
                    _pos++;
                }
                else if (c == '#')
                {
                    while (!AtEnd && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else if (c == '\\' && (Peek(1) == '\n' || (Peek(1) == '\r' && Peek(2) == '\n')))
                {
                    _pos += Peek(1) == '\n' ? 2 : 3;
                }
                else
                {
                    break;
                }
            }
        }

        private bool TryConsume(char c)
        {
            SkipTrivia();
            if (Peek() == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        // expression (',' expression)* [','] — a tuple when a comma appears.
        private object? ParseTestList(bool allowBareTuple)
        {
            return ParseTestList(allowBareTuple, out _);
        }

        private object? ParseTestList(bool allowBareTuple, out bool numericConstant)
        {
            var first = ParseExpression(out numericConstant);
            SkipTrivia();
            if (!allowBareTuple || Peek() != ',')
            {
                return first;
            }

            numericConstant = false;

            var items = new List<object?> { first };
            while (TryConsume(','))
            {
                SkipTrivia();
                if (AtEnd || Peek() is ')' or ']' or '}')
                {
                    break;
                }

                items.Add(ParseExpression());
            }

            return new TupleMarker(items);
        }

        private object? ParseExpression() => ParseExpression(out _);

        // numericConstant: the expression is a bare number literal (Python's Constant node), which is
        // the only operand literal_eval accepts for a unary sign.
        private object? ParseExpression(out bool numericConstant)
        {
            if (++_depth > MaxDepth)
            {
                throw new NotALiteral();
            }

            try
            {
                SkipTrivia();
                var c = Peek();
                if (c is '+' or '-')
                {
                    _pos++;
                    var operand = ParseAtom(out var isNumberConstant);
                    if (!isNumberConstant)
                    {
                        throw new NotALiteral();
                    }

                    numericConstant = false;
                    var result = c == '-' ? Negate(operand) : operand;
                    SkipTrivia();
                    RejectOperators();
                    return result;
                }

                var value = ParseAtom(out numericConstant);
                SkipTrivia();
                RejectOperators();
                return value;
            }
            finally
            {
                _depth--;
            }
        }

        // Anything that continues an expression (binary operators, calls, subscripts, attributes)
        // makes it something literal_eval refuses.
        private void RejectOperators()
        {
            var c = Peek();
            if (c is '+' or '-' or '*' or '/' or '%' or '@' or '<' or '>' or '=' or '!' or '&' or '|' or '^' or '~' or '(' or '[' or '.' or ':')
            {
                // ':' is legal only inside a dict display, where the caller consumes it first.
                if (c == ':')
                {
                    return;
                }

                throw new NotALiteral();
            }

            if (IsIdentifierStart(c))
            {
                throw new NotALiteral();
            }
        }

        private static object Negate(object? value) => value switch
        {
            long l when l == long.MinValue => -(BigInteger)l,
            long l => -l,
            BigInteger b => Normalize(-b),
            double d => -d,
            _ => throw new NotALiteral(),
        };

        private object? ParseAtom(out bool isNumberConstant)
        {
            isNumberConstant = false;
            SkipTrivia();
            var c = Peek();
            switch (c)
            {
                case '(':
                    {
                        _pos++;
                        SkipTrivia();
                        if (TryConsume(')'))
                        {
                            return new TupleMarker([]);
                        }

                        // A parenthesised constant is still a constant node for the unary check.
                        var inner = ParseTestList(allowBareTuple: true, out isNumberConstant);
                        if (!TryConsume(')'))
                        {
                            throw new NotALiteral();
                        }

                        return inner;
                    }

                case '[':
                    {
                        _pos++;
                        var items = ParseItems(']');
                        return items;
                    }

                case '{':
                    _pos++;
                    return ParseBrace();
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                isNumberConstant = true;
                return ParseNumber();
            }

            if (c is '\'' or '"')
            {
                return ParseStrings();
            }

            if (IsIdentifierStart(c))
            {
                var start = _pos;
                while (!AtEnd && IsIdentifierPart(_text[_pos]))
                {
                    _pos++;
                }

                var word = _text[start.._pos];
                if (!AtEnd && _text[_pos] is '\'' or '"' && IsStringPrefix(word))
                {
                    _pos = start;
                    return ParseStrings();
                }

                switch (word)
                {
                    case "True":
                        return true;
                    case "False":
                        return false;
                    case "None":
                        return null;
                    case "set":
                        if (TryConsume('(') && TryConsume(')'))
                        {
                            return new SetMarker([]);
                        }

                        throw new NotALiteral();
                }
            }

            throw new NotALiteral();
        }

        private List<object?> ParseItems(char close)
        {
            var items = new List<object?>();
            while (true)
            {
                SkipTrivia();
                if (TryConsume(close))
                {
                    return items;
                }

                items.Add(ParseExpression());
                SkipTrivia();
                if (TryConsume(','))
                {
                    continue;
                }

                if (TryConsume(close))
                {
                    return items;
                }

                throw new NotALiteral();
            }
        }

        private object ParseBrace()
        {
            SkipTrivia();
            if (TryConsume('}'))
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            var first = ParseExpression();
            SkipTrivia();
            if (TryConsume(':'))
            {
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                var value = ParseExpression();
                dict[KeyText(first)] = Finish(value);
                while (true)
                {
                    SkipTrivia();
                    if (TryConsume('}'))
                    {
                        return dict;
                    }

                    if (!TryConsume(','))
                    {
                        throw new NotALiteral();
                    }

                    SkipTrivia();
                    if (TryConsume('}'))
                    {
                        return dict;
                    }

                    var key = ParseExpression();
                    if (!TryConsume(':'))
                    {
                        throw new NotALiteral();
                    }

                    dict[KeyText(key)] = Finish(ParseExpression());
                }
            }

            var items = new List<object?> { first };
            while (true)
            {
                SkipTrivia();
                if (TryConsume('}'))
                {
                    break;
                }

                if (!TryConsume(','))
                {
                    throw new NotALiteral();
                }

                SkipTrivia();
                if (TryConsume('}'))
                {
                    break;
                }

                items.Add(ParseExpression());
            }

            return new SetMarker(items);
        }

        private object ParseNumber()
        {
            object value;
            var prefixed = PrefixedInteger().Match(_text, _pos);
            if (prefixed.Success)
            {
                _pos += prefixed.Length;
                var (digits, radix) = prefixed.Groups["hex"].Success ? (prefixed.Groups["hex"].Value, 16)
                    : prefixed.Groups["oct"].Success ? (prefixed.Groups["oct"].Value, 8)
                    : (prefixed.Groups["bin"].Value, 2);
                value = ParseRadix(digits.Replace("_", string.Empty, StringComparison.Ordinal), radix);
            }
            else
            {
                var m = DecimalNumber().Match(_text, _pos);
                if (!m.Success || m.Length == 0)
                {
                    throw new NotALiteral();
                }

                var hasInt = m.Groups["int"].Success;
                var hasDot = m.Groups["dot"].Success;
                var hasFrac = m.Groups["frac"].Success;
                if (!hasInt && !hasFrac)
                {
                    throw new NotALiteral();
                }

                if (m.Groups["imag"].Success)
                {
                    // Complex numbers have no plain .NET counterpart (and ansible-inventory cannot print them).
                    throw new NotALiteral();
                }

                _pos += m.Length;
                var literal = m.Value.Replace("_", string.Empty, StringComparison.Ordinal);
                if (!hasDot && !m.Groups["exp"].Success)
                {
                    if (literal.Length > 1 && literal[0] == '0' && literal.Any(ch => ch != '0'))
                    {
                        // "leading zeros in decimal integer literals are not permitted"
                        throw new NotALiteral();
                    }

                    value = Normalize(BigInteger.Parse(literal, NumberStyles.None, CultureInfo.InvariantCulture));
                }
                else
                {
                    value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            }

            var next = Peek();
            if (IsIdentifierPart(next) || next == '.')
            {
                throw new NotALiteral();
            }

            return value;
        }

        private static object ParseRadix(string digits, int radix)
        {
            var result = BigInteger.Zero;
            foreach (var ch in digits)
            {
                result = (result * radix) + Convert.ToInt32(ch.ToString(), 16);
            }

            return Normalize(result);
        }

        private static bool IsStringPrefix(string word) => word.ToLowerInvariant() is "r" or "u" or "b" or "br" or "rb" or "f" or "fr" or "rf";

        private object ParseStrings()
        {
            var text = new StringBuilder();
            bool? isBytes = null;
            while (true)
            {
                SkipTrivia();
                var start = _pos;
                while (!AtEnd && char.IsAsciiLetter(_text[_pos]))
                {
                    _pos++;
                }

                var prefix = _text[start.._pos].ToLowerInvariant();
                if (AtEnd || _text[_pos] is not ('\'' or '"') || (prefix.Length > 0 && !IsStringPrefix(prefix)))
                {
                    _pos = start;
                    break;
                }

                if (prefix.Contains('f', StringComparison.Ordinal))
                {
                    throw new NotALiteral();
                }

                var bytes = prefix.Contains('b', StringComparison.Ordinal);
                if (isBytes is { } known && known != bytes)
                {
                    throw new NotALiteral();
                }

                isBytes = bytes;
                ReadStringBody(text, raw: prefix.Contains('r', StringComparison.Ordinal), bytes);
            }

            if (isBytes is null)
            {
                throw new NotALiteral();
            }

            if (isBytes.Value)
            {
                // ansible's to_text decodes a bytes result as UTF-8.
                var raw = new byte[text.Length];
                for (var i = 0; i < text.Length; i++)
                {
                    raw[i] = (byte)text[i];
                }

                try
                {
                    return new UTF8Encoding(false, true).GetString(raw);
                }
                catch (DecoderFallbackException)
                {
                    throw new NotALiteral();
                }
            }

            return text.ToString();
        }

        private void ReadStringBody(StringBuilder sb, bool raw, bool bytes)
        {
            var quote = _text[_pos];
            var triple = Peek(1) == quote && Peek(2) == quote;
            _pos += triple ? 3 : 1;
            while (true)
            {
                if (AtEnd)
                {
                    throw new NotALiteral();
                }

                var c = _text[_pos];
                if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote)))
                {
                    _pos += triple ? 3 : 1;
                    return;
                }

                if (!triple && c is '\n' or '\r')
                {
                    throw new NotALiteral();
                }

                if (bytes && c > 0x7F)
                {
                    throw new NotALiteral();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                if (_pos + 1 >= _text.Length)
                {
                    throw new NotALiteral();
                }

                var n = _text[_pos + 1];
                if (raw)
                {
                    sb.Append('\\').Append(n);
                    _pos += 2;
                    continue;
                }

                _pos += 2;
                switch (n)
                {
                    case '\n':
                        break;
                    case '\\':
                    case '\'':
                    case '"':
                        sb.Append(n);
                        break;
                    case 'a':
                        sb.Append('\a');
                        break;
                    case 'b':
                        sb.Append('\b');
                        break;
                    case 'f':
                        sb.Append('\f');
                        break;
                    case 'n':
                        sb.Append('\n');
                        break;
                    case 'r':
                        sb.Append('\r');
                        break;
                    case 't':
                        sb.Append('\t');
                        break;
                    case 'v':
                        sb.Append('\v');
                        break;
                    case 'x':
                        AppendCodePoint(sb, ReadHex(2), bytes);
                        break;
                    case 'u' when !bytes:
                        AppendCodePoint(sb, ReadHex(4), bytes);
                        break;
                    case 'U' when !bytes:
                        AppendCodePoint(sb, ReadHex(8), bytes);
                        break;
                    case 'N' when !bytes:
                        throw new NotALiteral();
                    case >= '0' and <= '7':
                        {
                            var value = n - '0';
                            for (var k = 0; k < 2 && Peek() is >= '0' and <= '7'; k++)
                            {
                                value = (value * 8) + (_text[_pos] - '0');
                                _pos++;
                            }

                            if (bytes && value > 0xFF)
                            {
                                throw new NotALiteral();
                            }

                            AppendCodePoint(sb, value, bytes);
                            break;
                        }

                    default:
                        sb.Append('\\').Append(n);
                        break;
                }
            }
        }

        private int ReadHex(int count)
        {
            if (_pos + count > _text.Length)
            {
                throw new NotALiteral();
            }

            var value = 0;
            for (var k = 0; k < count; k++)
            {
                var h = _text[_pos + k];
                if (!char.IsAsciiHexDigit(h))
                {
                    throw new NotALiteral();
                }

                value = checked((value * 16) + Convert.ToInt32(h.ToString(), 16));
            }

            _pos += count;
            return value;
        }

        private static void AppendCodePoint(StringBuilder sb, int value, bool bytes)
        {
            if (bytes || value < 0x10000)
            {
                sb.Append((char)value);
            }
            else if (value <= 0x10FFFF)
            {
                sb.Append(char.ConvertFromUtf32(value));
            }
            else
            {
                throw new NotALiteral();
            }
        }

        private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

        private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

        // Unhashable (list, dict, set) or not a json key (tuple): not a literal Ansible accepts.
        private static string KeyText(object? key) => JsonDumps.KeyText(Finish(key)) ?? throw new NotALiteral();

        private static object? Finish(object? value) => value switch
        {
            TupleMarker t => t.Items.Select(Finish).ToList(),
            SetMarker s => Dedupe(s.Items.Select(Finish)),
            List<object?> l => l.Select(Finish).ToList(),
            _ => value,
        };

        private static List<object?> Dedupe(IEnumerable<object?> items)
        {
            var result = new List<object?>();
            foreach (var item in items)
            {
                if (item is List<object?> or Dictionary<string, object?>)
                {
                    throw new NotALiteral(); // unhashable
                }

                if (!result.Contains(item))
                {
                    result.Add(item);
                }
            }

            return result;
        }
    }

    /// <summary>A Python int as the smallest fitting .NET type: <see cref="long"/>, else <see cref="BigInteger"/>.</summary>
    internal static object Normalize(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
}
