using System.Text.RegularExpressions;

namespace Kolla.Tests.Services;

/// <summary>
/// Checks that a template stays inside the Jinja subset our engine implements: balanced <c>if</c>/<c>for</c>
/// blocks, only <c>if/elif/else/endif/for/endfor/set/endset</c> tags and comments, only the agreed filters, no
/// method calls.
/// </summary>
internal static partial class JinjaSubset
{
    private static readonly HashSet<string> s_filters =
    [
        "select",
        "bool", "int", "default", "join", "lower", "upper", "replace", "length", "unique", "sort", "first", "last", "to_json",
        "kolla_address", "put_address_in_context", "min", "round", "split", "b64encode", "string", "to_uuid",
    ];

    public static IReadOnlyList<string> Problems(string text)
    {
        var problems = new List<string>();
        var stack = new Stack<string>();
        var position = 0;
        while (true)
        {
            var open = NextOpening(text, position);
            if (open < 0)
            {
                break;
            }

            if (text[open + 1] == '#')
            {
                var end = text.IndexOf("#}", open + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"unterminated comment at offset {open}");
                    break;
                }

                position = end + 2;
                continue;
            }

            var isTag = text[open + 1] == '%';
            var close = text.IndexOf(isTag ? "%}" : "}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                problems.Add($"unterminated {(isTag ? "tag" : "expression")} at offset {open}");
                break;
            }

            var body = text[(open + 2)..close].Trim('-', ' ', '\t', '\r', '\n');
            position = close + 2;
            CheckExpression(body, problems);
            if (!isTag)
            {
                continue;
            }

            var keyword = body.Split(' ', 2)[0];
            switch (keyword)
            {
                case "if":
                case "for":
                    stack.Push(keyword);
                    break;
                case "elif":
                case "else":
                    if (!stack.TryPeek(out var top) || (top != "if" && !(keyword == "else" && top == "for")))
                    {
                        problems.Add($"'{keyword}' outside an if block at offset {open}");
                    }

                    break;
                case "endif":
                case "endfor":
                    if (!stack.TryPop(out var opened) || "end" + opened != keyword)
                    {
                        problems.Add($"'{keyword}' does not close the open block at offset {open}");
                    }

                    break;
                case "set":
                    if (!body.Contains('=', StringComparison.Ordinal))
                    {
                        stack.Push(keyword);
                    }

                    break;
                case "endset":
                    if (!stack.TryPop(out var block) || block != "set")
                    {
                        problems.Add($"'endset' does not close a set block at offset {open}");
                    }

                    break;
                default:
                    problems.Add($"tag '{keyword}' is outside the supported subset (offset {open})");
                    break;
            }
        }

        problems.AddRange(stack.Select(b => $"'{b}' block is never closed"));
        return problems;
    }

    private static int NextOpening(string text, int from)
    {
        var expression = text.IndexOf("{{", from, StringComparison.Ordinal);
        var tag = text.IndexOf("{%", from, StringComparison.Ordinal);
        var comment = text.IndexOf("{#", from, StringComparison.Ordinal);
        return new[] { expression, tag, comment }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
    }

    private static void CheckExpression(string body, List<string> problems)
    {
        var withoutStrings = StringLiteral().Replace(body, "''");
        foreach (Match m in Filter().Matches(withoutStrings))
        {
            if (!s_filters.Contains(m.Groups[1].Value))
            {
                problems.Add($"filter '{m.Groups[1].Value}' is outside the supported subset in '{body}'");
            }
        }

        if (MethodCall().IsMatch(withoutStrings))
        {
            problems.Add($"method call in '{body}'");
        }

    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<!\|)\|\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Filter();

    [GeneratedRegex(@"\.[A-Za-z_][A-Za-z0-9_]*\s*\(")]
    private static partial Regex MethodCall();
}
