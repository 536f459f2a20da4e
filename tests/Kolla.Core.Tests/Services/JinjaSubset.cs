using System.Text.RegularExpressions;

namespace Kolla.Tests.Services;

/// <summary>
/// Checks that a template stays inside the Jinja subset our engine implements: balanced <c>if</c>/<c>for</c>
/// blocks, only <c>if/elif/else/endif/for/endfor/set</c> tags, only the agreed filters, no method calls.
/// </summary>
internal static partial class JinjaSubset
{
    private static readonly HashSet<string> s_filters =
    [
        "select",
        "bool", "int", "default", "join", "lower", "upper", "replace", "length", "unique", "sort", "first", "last", "to_json",
        "kolla_address", "put_address_in_context", "min", "round",
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

        if (body.StartsWith('#'))
        {
            problems.Add("comments are outside the supported subset");
        }
    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<!\|)\|\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Filter();

    [GeneratedRegex(@"\.[A-Za-z_][A-Za-z0-9_]*\s*\(")]
    private static partial Regex MethodCall();
}
