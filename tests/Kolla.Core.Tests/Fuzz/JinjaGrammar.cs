using System.Text;

namespace Kolla.Tests.Fuzz;

/// <summary>
/// Random templates that mostly parse, from a fixed seed: expressions with every operator, filters with large
/// arguments, repetition, nested loops and sets, so the engine's limits (not its parser) get exercised.
/// </summary>
internal sealed class JinjaGrammar(int seed)
{
    private static readonly string[] Names = ["x", "y", "items", "nested", "loop.index", "l", "t"];

    private static readonly string[] Filters =
    [
        "upper", "length", "list", "first", "string", "to_json", "to_nice_yaml", "join(',')", "join(x)", "replace('a', 'aaaa')",
        "replace('', x)", "indent(40)", "center(5000)", "default('d')", "unique", "sort", "reverse", "flatten", "map('upper')", "sum(start=[])",
        "regex_replace('(.)', '\\\\1\\\\1')", "int", "bool", "b64encode", "trim", "from_yaml",
    ];

    private static readonly string[] Operators = ["+", "-", "*", "~", "//", "%", "**", "==", "<", "in", "and", "or"];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var sb = new StringBuilder();
        var statements = _random.Next(1, 5);
        for (var i = 0; i < statements; i++)
        {
            Statement(sb, 0);
        }

        return sb.ToString();
    }

    private void Statement(StringBuilder sb, int depth)
    {
        switch (_random.Next(depth > 3 ? 2 : 6))
        {
            case 0:
                sb.Append("{{ ").Append(Expression(0)).Append(" }}\n");
                break;
            case 1:
                sb.Append("{% set ").Append(Names[_random.Next(5, 7)]).Append(" = ").Append(Expression(0)).Append(" %}");
                break;
            case 2:
            case 3:
                sb.Append("{% for l in ").Append(Expression(0)).Append(" %}");
                Body(sb, depth);
                sb.Append("{% endfor %}");
                break;
            case 4:
                sb.Append("{% if ").Append(Expression(0)).Append(" %}");
                Body(sb, depth);
                sb.Append("{% else %}x{% endif %}");
                break;
            default:
                sb.Append("{% set t %}");
                Body(sb, depth);
                sb.Append("{% endset %}{{ t }}");
                break;
        }
    }

    private void Body(StringBuilder sb, int depth)
    {
        var count = _random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            Statement(sb, depth + 1);
        }
    }

    private string Expression(int depth) => _random.Next(depth > 4 ? 3 : 11) switch
    {
        0 => Names[_random.Next(_random.Next(4) == 0 ? Names.Length : 4)],
        1 => Number(),
        2 => _random.Next(2) == 0 ? "'ab'" : "'" + new string('z', _random.Next(0, 50)) + "'",
        3 => $"{Expression(depth + 1)} {Operators[_random.Next(Operators.Length)]} {Expression(depth + 1)}",
        4 => $"({Expression(depth + 1)}) | {Filters[_random.Next(Filters.Length)]}",
        5 => $"[{Expression(depth + 1)}, {Expression(depth + 1)}]",
        6 => $"range({Number()})",
        7 => $"{{'k': {Expression(depth + 1)}}}",
        8 => $"({Expression(depth + 1)}) * {Number()}",
        9 => $"'{{}}{{}}'.format({Expression(depth + 1)}, {Expression(depth + 1)})",
        _ => $"({Expression(depth + 1)} if {Expression(depth + 1)} else {Expression(depth + 1)})",
    };

    private string Number() => _random.Next(8) switch
    {
        < 4 => _random.Next(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 6 => _random.Next(10, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        6 => _random.Next(1000, 2_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "1000000000",
    };
}
