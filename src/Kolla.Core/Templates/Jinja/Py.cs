using System.Globalization;
using System.Text;
using Fluid.Values;
using Kolla.Compat;

namespace Kolla.Templates.Jinja;

/// <summary>
/// Python semantics for template values: truthiness, <c>str</c>/<c>repr</c>, equality, ordering,
/// arithmetic and iteration, so expressions behave as in Jinja2 under Ansible.
/// </summary>
/// <remarks>Numbers are decimals; a non-zero scale marks a float (so <c>2.0</c> prints as <c>2.0</c>).</remarks>
internal static class Py
{
    public static FluidValue FromDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 7.9e27)
        {
            return new StringValue(PyText.FloatRepr(d));
        }

        var m = (decimal)d;
        return NumberValue.Create(m == decimal.Truncate(m) && m.Scale == 0 ? m * 1.0m : m);
    }

    public static FluidValue Int(long value) => NumberValue.Create(value);

    public static FluidValue Bool(bool value) => BooleanValue.Create(value);

    public static FluidValue Text(string value) => new StringValue(value);

    /// <summary>Throws the undefined-variable error when the value is undefined.</summary>
    public static FluidValue Defined(FluidValue value) => value is JinjaUndefined u ? throw u.Error() : value;

    public static bool IsNone(FluidValue value) => value is NilValue || (value.IsNil() && value is not JinjaUndefined);

    public static bool IsFloat(decimal d) => d.Scale > 0;

    public static bool Truthy(FluidValue value) => Defined(value) switch
    {
        BooleanValue b => b.ToBooleanValue(),
        NumberValue n => n.ToNumberValue() != 0,
        StringValue s => s.ToStringValue().Length > 0,
        ArrayValue a => a.Values.Count > 0,
        MappingValue m => m.Count > 0,
        _ when value.IsNil() => false,
        _ => true,
    };

    /// <summary>Python <c>str()</c>.</summary>
    public static string Str(FluidValue value) => Defined(value) switch
    {
        StringValue s => s.ToStringValue(),
        BooleanValue b => b.ToBooleanValue() ? "True" : "False",
        NumberValue n => NumberText(n.ToNumberValue()),
        ArrayValue or MappingValue => Repr(value),
        _ when value.IsNil() => "None",
        _ => value.ToStringValue(),
    };

    /// <summary>What <c>{{ value }}</c> writes: <c>str()</c>, except None is empty (Ansible's finalize).</summary>
    public static string Output(FluidValue value) => IsNone(Defined(value)) ? string.Empty : Str(value);

    public static string Repr(FluidValue value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value, 0);
        return sb.ToString();
    }

    /// <summary>Refuses to walk a value deeper than a document may nest (values a template builds are held to it too).</summary>
    private static void Nested(int depth)
    {
        if (depth > KollaLimits.YamlDepth)
        {
            throw new TemplateRuntimeException($"the value is nested more than {KollaLimits.YamlDepth} levels deep", 0);
        }
    }

    public static string NumberText(decimal d)
    {
        if (!IsFloat(d))
        {
            return d.ToString(CultureInfo.InvariantCulture);
        }

        return PyText.FloatRepr((double)d);
    }

    public static string TypeName(FluidValue value) => value switch
    {
        JinjaUndefined => "undefined",
        StringValue => "str",
        BooleanValue => "bool",
        NumberValue n => IsFloat(n.ToNumberValue()) ? "float" : "int",
        ArrayValue => "list",
        MappingValue => "dict",
        _ when value.IsNil() => "NoneType",
        _ => value.Type.ToString().ToLowerInvariant(),
    };

    public static bool Equal(FluidValue a, FluidValue b)
    {
        Defined(a);
        Defined(b);
        if (IsNumeric(a) && IsNumeric(b))
        {
            return NumericValue(a) == NumericValue(b);
        }

        switch (a)
        {
            case StringValue when b is StringValue:
                return string.Equals(a.ToStringValue(), b.ToStringValue(), StringComparison.Ordinal);
            case ArrayValue la when b is ArrayValue lb:
                RenderBudget.EnsureStack(0);
                return TupleItems.IsTuple(la) == TupleItems.IsTuple(lb)
                    && la.Values.Count == lb.Values.Count && la.Values.Zip(lb.Values).All(p => Equal(p.First, p.Second));
            case MappingValue ma when b is MappingValue mb:
                if (ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var (k, v) in ma.Items(0))
                {
                    if (!mb.TryGet(k, 0, out var other) || !Equal(v, other))
                    {
                        return false;
                    }
                }

                return true;
        }

        return IsNone(a) && IsNone(b);
    }

    public static int Compare(FluidValue a, FluidValue b, string op, int line)
    {
        Defined(a);
        Defined(b);
        if (IsNumeric(a) && IsNumeric(b))
        {
            return NumericValue(a).CompareTo(NumericValue(b));
        }

        if (a is StringValue && b is StringValue)
        {
            return string.CompareOrdinal(a.ToStringValue(), b.ToStringValue());
        }

        if (a is ArrayValue la && b is ArrayValue lb)
        {
            RenderBudget.EnsureStack(line);
            for (var i = 0; i < Math.Min(la.Values.Count, lb.Values.Count); i++)
            {
                if (!Equal(la.Values[i], lb.Values[i]))
                {
                    return Compare(la.Values[i], lb.Values[i], op, line);
                }
            }

            return la.Values.Count.CompareTo(lb.Values.Count);
        }

        throw new TemplateRuntimeException($"'{op}' is not supported between '{TypeName(a)}' and '{TypeName(b)}'", line);
    }

    public static bool IsNumeric(FluidValue value) => value is NumberValue or BooleanValue;

    public static decimal NumericValue(FluidValue value) => value is BooleanValue b ? (b.ToBooleanValue() ? 1 : 0) : value.ToNumberValue();

    /// <summary>Iterates like Python's <c>for</c>: list items, dict keys, string characters (at most the list limit of them).</summary>
    public static IReadOnlyList<FluidValue> Iterate(FluidValue value, int line) => Defined(value) switch
    {
        ArrayValue a => a.Values,
        MappingValue m => [.. m.Keys.Select(k => (FluidValue)new StringValue(k))],
        StringValue s when s.ToStringValue().Length > KollaLimits.TemplateListItems => throw new TemplateRuntimeException(
            $"this would build a list of {s.ToStringValue().Length} characters, more than {KollaLimits.TemplateListItems}", line),
        StringValue s => [.. s.ToStringValue().Select(c => (FluidValue)new StringValue(c.ToString()))],
        _ => throw new TemplateRuntimeException($"'{TypeName(value)}' object is not iterable", line),
    };

    public static bool Contains(FluidValue container, FluidValue item, int line)
    {
        Defined(item);
        return Defined(container) switch
        {
            StringValue s => item is StringValue needle
                ? s.ToStringValue().Contains(needle.ToStringValue(), StringComparison.Ordinal)
                : throw new TemplateRuntimeException($"'in <string>' requires string as left operand, not '{TypeName(item)}'", line),
            MappingValue m => m.TryGet(Str(item), line, out _) && item is StringValue,
            ArrayValue a => a.Values.Any(v => Equal(v, item)),
            _ => throw new TemplateRuntimeException($"argument of type '{TypeName(container)}' is not iterable", line),
        };
    }

    /// <summary>Converts a template value back into plain .NET values (long/double/string/bool/list/dict).</summary>
    public static object? ToNative(FluidValue value) => ToNative(value, 0);

    private static object? ToNative(FluidValue value, int depth)
    {
        Nested(depth);
        switch (Defined(value))
        {
            case StringValue s:
                return s.ToStringValue();
            case BooleanValue b:
                return b.ToBooleanValue();
            case NumberValue n:
                var d = n.ToNumberValue();
                if (!IsFloat(d) && d >= long.MinValue && d <= long.MaxValue)
                {
                    return (long)d;
                }

                return (double)d;
            case ArrayValue a:
                return a.Values.Select(v => ToNative(v, depth + 1)).ToList();
            case ScopeMappingValue scope:
                return scope.Scope;
            case MappingValue m:
                var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in m.Items(0))
                {
                    map[k] = ToNative(v, depth + 1);
                }

                return map;
            default:
                return value.IsNil() ? null : value.ToObjectValue();
        }
    }

    /// <summary>An arithmetic operator or <c>~</c>; texts and lists it would build past the budget's limits are refused first.</summary>
    public static FluidValue Binary(string op, FluidValue a, FluidValue b, int line, RenderBudget budget)
    {
        Defined(a);
        Defined(b);
        if (op == "~")
        {
            var (left, right) = (Str(a), Str(b));
            budget.Text((long)left.Length + right.Length, line);
            return new StringValue(left + right);
        }

        if (op == "+")
        {
            switch (a)
            {
                case StringValue when b is StringValue:
                    budget.Text((long)a.ToStringValue().Length + b.ToStringValue().Length, line);
                    return new StringValue(a.ToStringValue() + b.ToStringValue());
                case ArrayValue la when b is ArrayValue lb:
                    budget.Items((long)la.Values.Count + lb.Values.Count, line);
                    var joined = new ArrayValue([.. la.Values, .. lb.Values]);
                    return budget.Built(joined, line);
            }
        }

        if (op == "*" && a is StringValue str && IsNumeric(b))
        {
            var times = Times(b);
            budget.Text(str.ToStringValue().Length * times, line);
            return new StringValue(new StringBuilder(str.ToStringValue().Length * (int)times).Insert(0, str.ToStringValue(), (int)times).ToString());
        }

        if (op == "*" && a is ArrayValue list && IsNumeric(b))
        {
            var times = Times(b);
            budget.Repeated(list, times, line);
            var repeated = new ArrayValue(list.Values.Count == 0 ? [] : [.. Enumerable.Repeat(list.Values, (int)times).SelectMany(x => x)]);
            return budget.Built(repeated, line);
        }

        if (!IsNumeric(a) || !IsNumeric(b))
        {
            throw new TemplateRuntimeException($"unsupported operand types for {op}: '{TypeName(a)}' and '{TypeName(b)}'", line);
        }

        var x = NumericValue(a);
        var y = NumericValue(b);
        var isFloat = IsFloat(x) || IsFloat(y);
        try
        {
            switch (op)
            {
                case "+":
                    return NumberValue.Create(x + y);
                case "-":
                    return NumberValue.Create(x - y);
                case "*":
                    return NumberValue.Create(x * y);
                case "/":
                    NotZero(y, line);
                    return AsFloat(x / y);
                case "//":
                    NotZero(y, line);
                    var floor = decimal.Floor(x / y);
                    return NumberValue.Create(isFloat ? floor * 1.0m : floor);
                case "%":
                    NotZero(y, line);
                    var rem = x - (y * decimal.Floor(x / y));
                    return NumberValue.Create(rem);
                case "**":
                    var power = Math.Pow((double)x, (double)y);
                    return isFloat || y < 0 ? FromDouble(power) : NumberValue.Create((decimal)power);
            }
        }
        catch (OverflowException)
        {
            throw new TemplateRuntimeException($"numeric overflow in '{op}'", line);
        }

        throw new TemplateRuntimeException($"unknown operator '{op}'", line);
    }

    // Python's sequence repetition: a count below 1 gives an empty result; a float count is refused by Python and
    // truncated here. Counts past a billion are clamped (every limit refuses them anyway).
    private static long Times(FluidValue count) => (long)Math.Clamp(decimal.Truncate(NumericValue(count)), 0, 1_000_000_000);

    private static FluidValue AsFloat(decimal d) => NumberValue.Create(IsFloat(d) ? d : d * 1.0m);

    private static void NotZero(decimal d, int line)
    {
        if (d == 0)
        {
            throw new TemplateRuntimeException("division by zero", line);
        }
    }

    private static void AppendRepr(StringBuilder sb, FluidValue value, int depth)
    {
        Nested(depth);
        switch (Defined(value))
        {
            case StringValue s:
                sb.Append(PyText.Repr(s.ToStringValue()));
                break;
            case ArrayValue a:
                var tuple = TupleItems.IsTuple(a);
                sb.Append(tuple ? '(' : '[');
                for (var i = 0; i < a.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    AppendRepr(sb, a.Values[i], depth + 1);
                }

                sb.Append(tuple ? (a.Values.Count == 1 ? ",)" : ")") : "]");
                break;
            case MappingValue m:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in m.Items(0))
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    sb.Append(PyText.Repr(k)).Append(": ");
                    AppendRepr(sb, v, depth + 1);
                }

                sb.Append('}');
                break;
            default:
                sb.Append(Str(value));
                break;
        }
    }
}
