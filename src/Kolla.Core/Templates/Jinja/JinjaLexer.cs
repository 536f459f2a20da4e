using System.Text;
using System.Text.RegularExpressions;

namespace Kolla.Templates.Jinja;

/// <summary>
/// Splits Jinja2 source into text and tag tokens, applying Jinja's whitespace control while doing so:
/// <c>{%-</c>/<c>-%}</c> strip, <c>trim_blocks</c> (first newline after a block or comment tag),
/// <c>lstrip_blocks</c>, <c>+</c> to opt out, <c>{% raw %}</c> and <c>{# comments #}</c>.
/// </summary>
internal sealed partial class JinjaLexer
{
    private static readonly string[] Operators =
    [
        "//", "**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<", ">", "=", "|", ".", ",", ":", "(", ")", "[", "]", "{", "}",
    ];

    private readonly string _source;
    private readonly TemplateRendererOptions _options;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _line = 1;
    private bool _stripNextText;
    private bool _trimNextNewline;

    public JinjaLexer(string source, TemplateRendererOptions options)
    {
        _source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        _options = options;
    }

    [GeneratedRegex(@"\G\s*raw\s*([-+]?)%\}", RegexOptions.CultureInvariant)]
    private static partial Regex RawBegin();

    [GeneratedRegex(@"\{%([-+]?)\s*endraw\s*([-+]?)%\}", RegexOptions.CultureInvariant)]
    private static partial Regex RawEnd();

    public IReadOnlyList<Token> Tokenize()
    {
        while (_pos < _source.Length)
        {
            var tagStart = FindTagStart(_pos);
            var textEnd = tagStart < 0 ? _source.Length : tagStart;
            var text = _source[_pos..textEnd];
            var textLine = _line;
            var atLineStart = _pos == 0 || _source[_pos - 1] == '\n';
            text = ApplyPendingTrim(text, ref atLineStart);

            if (tagStart >= 0)
            {
                var kind = _source[tagStart + 1];
                var modifier = tagStart + 2 < _source.Length ? _source[tagStart + 2] : '\0';
                if (modifier == '-')
                {
                    text = text.TrimEnd();
                }
                else if (_options.LstripBlocks && kind != '{' && modifier != '+')
                {
                    text = LstripLine(text, atLineStart);
                }
            }

            if (text.Length > 0)
            {
                _tokens.Add(new Token(TokenKind.Text, text, textLine));
            }

            Advance(textEnd);
            if (tagStart < 0)
            {
                break;
            }

            LexTag();
        }

        _tokens.Add(new Token(TokenKind.End, string.Empty, _line));
        return _tokens;
    }

    private string ApplyPendingTrim(string text, ref bool atLineStart)
    {
        if (_stripNextText)
        {
            var trimmed = text.TrimStart();
            if (trimmed.Length != text.Length && text[..(text.Length - trimmed.Length)].Contains('\n', StringComparison.Ordinal))
            {
                atLineStart = true;
            }

            text = trimmed;
        }
        else if (_trimNextNewline && text.StartsWith('\n'))
        {
            text = text[1..];
            atLineStart = true;
        }

        _stripNextText = false;
        _trimNextNewline = false;
        return text;
    }

    private static string LstripLine(string text, bool textStartsAtLineStart)
    {
        var lastBreak = text.LastIndexOf('\n');
        var tail = lastBreak >= 0 ? text[(lastBreak + 1)..] : text;
        if ((lastBreak >= 0 || textStartsAtLineStart) && tail.All(c => c is ' ' or '\t'))
        {
            return text[..(text.Length - tail.Length)];
        }

        return text;
    }

    private int FindTagStart(int from)
    {
        var i = from;
        while (true)
        {
            i = _source.IndexOf('{', i);
            if (i < 0 || i + 1 >= _source.Length)
            {
                return -1;
            }

            if (_source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }

            i++;
        }
    }

    private void LexTag()
    {
        var tagLine = _line;
        var kind = _source[_pos + 1];
        var start = _pos + 2;
        if (start < _source.Length && _source[start] is '-' or '+')
        {
            start++;
        }

        switch (kind)
        {
            case '#':
                LexComment(start, tagLine);
                return;
            case '%':
                var raw = RawBegin().Match(_source, start);
                if (raw.Success)
                {
                    LexRaw(raw, tagLine);
                    return;
                }

                _tokens.Add(new Token(TokenKind.BlockBegin, "{%", tagLine));
                Advance(start);
                LexExpression(isBlock: true, tagLine);
                return;
            default:
                _tokens.Add(new Token(TokenKind.VariableBegin, "{{", tagLine));
                Advance(start);
                LexExpression(isBlock: false, tagLine);
                return;
        }
    }

    private void LexComment(int start, int tagLine)
    {
        var end = _source.IndexOf("#}", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new TemplateSyntaxError("comment '{#' is never closed", tagLine);
        }

        var modifier = end > start ? _source[end - 1] : '\0';
        Advance(end + 2);
        SetEndEffects(modifier, trimBlock: true);
    }

    private void LexRaw(Match begin, int tagLine)
    {
        var contentStart = begin.Index + begin.Length;
        var end = RawEnd().Match(_source, contentStart);
        if (!end.Success)
        {
            throw new TemplateSyntaxError("'raw' block is never closed (missing '{% endraw %}')", tagLine);
        }

        var content = _source[contentStart..end.Index];
        if (begin.Groups[1].Value == "-")
        {
            content = content.TrimStart();
        }

        if (end.Groups[1].Value == "-")
        {
            content = content.TrimEnd();
        }

        var contentLine = tagLine + CountLines(begin.Index, contentStart);
        if (content.Length > 0)
        {
            _tokens.Add(new Token(TokenKind.Text, content, contentLine));
        }

        Advance(end.Index + end.Length);
        SetEndEffects(end.Groups[2].Value.FirstOrDefault(), trimBlock: true);
    }

    private void SetEndEffects(char modifier, bool trimBlock)
    {
        if (modifier == '-')
        {
            _stripNextText = true;
        }
        else if (trimBlock && modifier != '+' && _options.TrimBlocks)
        {
            _trimNextNewline = true;
        }
    }

    private void LexExpression(bool isBlock, int tagLine)
    {
        var balance = new Stack<char>();
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                throw new TemplateSyntaxError($"tag '{(isBlock ? "{%" : "{{")}' is never closed (missing '{(isBlock ? "%}" : "}}")}')", tagLine);
            }

            if (balance.Count == 0 && TryLexEnd(isBlock))
            {
                return;
            }

            var c = _source[_pos];
            if (c is '\'' or '"')
            {
                LexString(c);
            }
            else if (char.IsAsciiDigit(c))
            {
                LexNumber();
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _pos;
                var end = _pos;
                while (end < _source.Length && (char.IsAsciiLetterOrDigit(_source[end]) || _source[end] == '_'))
                {
                    end++;
                }

                _tokens.Add(new Token(TokenKind.Name, _source[start..end], _line));
                Advance(end);
            }
            else
            {
                LexOperator(balance);
            }
        }
    }

    private bool TryLexEnd(bool isBlock)
    {
        var rest = _source.AsSpan(_pos);
        var close = isBlock ? "%}" : "}}";
        char modifier = '\0';
        int length;
        if (rest.StartsWith(close, StringComparison.Ordinal))
        {
            length = 2;
        }
        else if (rest.Length >= 3 && rest[0] is '-' or '+' && rest[1..].StartsWith(close, StringComparison.Ordinal) && (isBlock || rest[0] == '-'))
        {
            modifier = rest[0];
            length = 3;
        }
        else
        {
            return false;
        }

        _tokens.Add(new Token(isBlock ? TokenKind.BlockEnd : TokenKind.VariableEnd, close, _line));
        Advance(_pos + length);
        SetEndEffects(modifier, trimBlock: isBlock);
        return true;
    }

    private void LexString(char quote)
    {
        var line = _line;
        var sb = new StringBuilder();
        var i = _pos + 1;
        while (true)
        {
            if (i >= _source.Length)
            {
                throw new TemplateSyntaxError("string literal is never closed", line);
            }

            var c = _source[i];
            if (c == quote)
            {
                break;
            }

            if (c == '\\' && i + 1 < _source.Length)
            {
                var next = _source[i + 1];
                switch (next)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '\\': sb.Append('\\'); break;
                    case '\'': sb.Append('\''); break;
                    case '"': sb.Append('"'); break;
                    case '\n': break;
                    default: sb.Append('\\').Append(next); break;
                }

                i += 2;
                continue;
            }

            sb.Append(c);
            i++;
        }

        _tokens.Add(new Token(TokenKind.String, sb.ToString(), line));
        Advance(i + 1);
    }

    private void LexNumber()
    {
        var start = _pos;
        var i = _pos;
        var afterDot = start > 0 && _source[start - 1] == '.';
        i = SkipDigits(i);
        var isFloat = false;
        if (!afterDot && i + 1 < _source.Length && _source[i] == '.' && char.IsAsciiDigit(_source[i + 1]))
        {
            isFloat = true;
            i = SkipDigits(i + 1);
        }

        if (!afterDot && i < _source.Length && _source[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < _source.Length && _source[j] is '+' or '-')
            {
                j++;
            }

            if (j < _source.Length && char.IsAsciiDigit(_source[j]))
            {
                isFloat = true;
                i = SkipDigits(j);
            }
        }

        var text = _source[start..i].Replace("_", string.Empty, StringComparison.Ordinal);
        _tokens.Add(new Token(isFloat ? TokenKind.Float : TokenKind.Integer, text, _line));
        Advance(i);
    }

    private int SkipDigits(int i)
    {
        while (i < _source.Length && (char.IsAsciiDigit(_source[i]) || (_source[i] == '_' && i + 1 < _source.Length && char.IsAsciiDigit(_source[i + 1]))))
        {
            i++;
        }

        return i;
    }

    private void LexOperator(Stack<char> balance)
    {
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(_source, _pos, op, 0, op.Length) != 0)
            {
                continue;
            }

            switch (op)
            {
                case "(" or "[" or "{":
                    balance.Push(op[0]);
                    break;
                case ")" or "]" or "}":
                    var expected = op switch { ")" => '(', "]" => '[', _ => '{' };
                    if (balance.Count == 0)
                    {
                        throw new TemplateSyntaxError($"unexpected '{op}'", _line);
                    }

                    var open = balance.Pop();
                    if (open != expected)
                    {
                        var closer = open switch { '(' => ')', '[' => ']', _ => '}' };
                        throw new TemplateSyntaxError($"unexpected '{op}', expected '{closer}'", _line);
                    }

                    break;
            }

            _tokens.Add(new Token(TokenKind.Operator, op, _line));
            Advance(_pos + op.Length);
            return;
        }

        throw new TemplateSyntaxError($"unexpected character '{_source[_pos]}'", _line);
    }

    private void SkipWhitespace()
    {
        var i = _pos;
        while (i < _source.Length && char.IsWhiteSpace(_source[i]))
        {
            i++;
        }

        Advance(i);
    }

    private void Advance(int to)
    {
        _line += CountLines(_pos, to);
        _pos = to;
    }

    private int CountLines(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (_source[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }
}
