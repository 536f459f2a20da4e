using System.Globalization;
using System.Text;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Jinja2's own filters that kolla templates use.</summary>
internal static class CoreFilters
{
    public static void Register(Dictionary<string, JinjaFilter> filters)
    {
        var @default = new JinjaFilter(Default, AcceptsUndefined: true);
        filters["default"] = @default;
        filters["d"] = @default;
        filters["bool"] = new((v, a, _) => BooleanValue.Create(AnsibleBool.Convert(v, a)));
        filters["int"] = new(Int);
        filters["float"] = new(Float);
        filters["string"] = new((v, _, _) => Values.Text(Py.Str(v)));
        filters["lower"] = new((v, _, _) => Values.Text(Py.Str(v).ToLowerInvariant()));
        filters["upper"] = new((v, _, _) => Values.Text(Py.Str(v).ToUpperInvariant()));
        filters["capitalize"] = new((v, _, _) => Values.Text(Capitalize(Py.Str(v))));
        filters["title"] = new((v, _, _) => Values.Text(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Py.Str(v).ToLowerInvariant())));
        filters["trim"] = new((v, a, _) => Values.Text(a.Find(0, "chars") is { } chars ? Py.Str(v).Trim(Py.Str(chars).ToCharArray()) : Py.Str(v).Trim()));
        filters["replace"] = new(Replace);
        filters["join"] = new(Join);
        filters["unique"] = new(Unique);
        filters["sort"] = new(Sort);
        filters["length"] = new(Length);
        filters["count"] = new(Length);
        filters["first"] = new((v, a, _) => Values.Items(v, a) is { Count: > 0 } l ? l[0] : new JinjaUndefined("first item of an empty sequence", a.Line));
        filters["last"] = new((v, a, _) => Values.Items(v, a) is { Count: > 0 } l ? l[^1] : new JinjaUndefined("last item of an empty sequence", a.Line));
        filters["list"] = new((v, a, _) => Values.List(Values.Items(v, a)));
        filters["reverse"] = new((v, a, _) => v is StringValue s ? Values.Text(new string(s.ToStringValue().Reverse().ToArray())) : Values.List(Values.Items(v, a).Reverse()));
        filters["min"] = new((v, a, _) => Extreme(v, a, max: false));
        filters["max"] = new((v, a, _) => Extreme(v, a, max: true));
        filters["sum"] = new(Sum);
        filters["abs"] = new((v, a, _) => NumberValue.Create(Math.Abs(Number(v, a))));
        filters["round"] = new(Round);
        filters["map"] = new(Map);
        filters["select"] = new((v, a, s) => Select(v, a, s, keep: true, byAttribute: false));
        filters["reject"] = new((v, a, s) => Select(v, a, s, keep: false, byAttribute: false));
        filters["selectattr"] = new((v, a, s) => Select(v, a, s, keep: true, byAttribute: true));
        filters["rejectattr"] = new((v, a, s) => Select(v, a, s, keep: false, byAttribute: true));
        filters["items"] = new((v, a, _) => Values.List(Values.Mapping(v, a).Items(a.Line).Select(p => (FluidValue)TupleItems.Create([Values.Text(p.Key), p.Value]))));
        filters["dictsort"] = new((v, a, _) => Values.List(Values.Mapping(v, a).Items(a.Line).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => (FluidValue)TupleItems.Create([Values.Text(p.Key), p.Value]))));
        filters["indent"] = new(Indent);
        filters["center"] = new((v, a, s) =>
        {
            var width = a.Int(0, "width", 80);
            s.Budget.Text(width, a.Line);
            return Values.Text(Center(Py.Str(v), width));
        });
        filters["wordcount"] = new((v, _, _) => NumberValue.Create(Py.Str(v).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));
    }

    public static decimal Number(FluidValue value, Arguments args) =>
        Py.IsNumeric(Py.Defined(value)) ? Py.NumericValue(value) : throw args.Error($"expected a number, got '{Py.TypeName(value)}'");

    private static FluidValue Default(FluidValue value, Arguments args, RenderState state)
    {
        var fallback = args.Get(0, "default_value", StringValue.Empty);
        var boolean = args.Bool(1, "boolean", false);
        return value is JinjaUndefined || (boolean && !Py.Truthy(value)) ? fallback : value;
    }

    private static FluidValue Int(FluidValue value, Arguments args, RenderState state)
    {
        var fallback = args.Get(0, "default", NumberValue.Zero);
        var radix = args.Int(1, "base", 10);
        switch (value)
        {
            case BooleanValue b:
                return NumberValue.Create(b.ToBooleanValue() ? 1 : 0);
            case NumberValue n:
                return NumberValue.Create(decimal.Truncate(n.ToNumberValue()));
            case StringValue s:
                var text = s.ToStringValue().Trim().Replace("_", string.Empty, StringComparison.Ordinal);
                if (TryParseRadix(text, radix, out var parsed))
                {
                    return NumberValue.Create(parsed);
                }

                if (radix == 10 && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                {
                    return NumberValue.Create(decimal.Truncate(real));
                }

                return fallback;
            default:
                return fallback;
        }
    }

    private static bool TryParseRadix(string text, int radix, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        if (negative || text.StartsWith('+'))
        {
            text = text[1..];
        }

        var prefix = radix switch { 16 => "0x", 8 => "0o", 2 => "0b", _ => null };
        if (prefix is not null && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (text.Length == 0)
        {
            return false;
        }

        try
        {
            value = Convert.ToInt64(text, radix is 2 or 8 or 10 or 16 ? radix : 10);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }

        if (radix == 10 && !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    private static FluidValue Float(FluidValue value, Arguments args, RenderState state)
    {
        var fallback = args.Get(0, "default", NumberValue.Create(0.0m));
        return value switch
        {
            BooleanValue b => NumberValue.Create(b.ToBooleanValue() ? 1.0m : 0.0m),
            NumberValue n => Py.IsFloat(n.ToNumberValue()) ? n : NumberValue.Create(n.ToNumberValue() * 1.0m),
            StringValue s when double.TryParse(s.ToStringValue().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => Py.FromDouble(d),
            _ => fallback,
        };
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    private static FluidValue Replace(FluidValue value, Arguments args, RenderState state)
    {
        var text = Py.Str(value);
        var old = Py.Str(args.Required(0, "old"));
        var replacement = Py.Str(args.Required(1, "new"));
        var count = args.Int(2, "count", -1);
        state.Budget.Text(ReplacedLength(text, old, replacement, count), args.Line);
        if (count < 0)
        {
            return Values.Text(old.Length == 0 ? InsertEverywhere(text, replacement) : text.Replace(old, replacement, StringComparison.Ordinal));
        }

        var sb = new StringBuilder();
        var start = 0;
        for (var done = 0; done < count && old.Length > 0; done++)
        {
            var at = text.IndexOf(old, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            sb.Append(text, start, at - start).Append(replacement);
            start = at + old.Length;
        }

        return Values.Text(sb.Append(text, start, text.Length - start).ToString());
    }

    // The length str.replace would give, counted before the text is built.
    private static long ReplacedLength(string text, string old, string replacement, int count)
    {
        long found = 0;
        if (old.Length == 0)
        {
            found = text.Length + 1;
        }
        else
        {
            for (var at = text.IndexOf(old, StringComparison.Ordinal); at >= 0; at = text.IndexOf(old, at + old.Length, StringComparison.Ordinal))
            {
                found++;
            }
        }

        if (count >= 0)
        {
            found = Math.Min(found, count);
        }

        return text.Length + (found * (replacement.Length - (long)old.Length));
    }

    private static string InsertEverywhere(string text, string insert) =>
        insert + string.Concat(text.Select(c => c + insert));

    private static FluidValue Join(FluidValue value, Arguments args, RenderState state)
    {
        var separator = args.String(0, "d", string.Empty);
        var attribute = args.Find(1, "attribute");
        var items = Values.Items(value, args);
        return Values.Text(Join(separator, items.Select(i => Py.Str(attribute is null ? i : Values.Attribute(i, Py.Str(attribute), args.Line))), state, args.Line));
    }

    /// <summary><c>separator.join(parts)</c>, refused as soon as the text would pass the output limit.</summary>
    public static string Join(string separator, IEnumerable<string> parts, RenderState state, int line)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var part in parts)
        {
            state.Budget.Text(sb.Length + (first ? 0L : separator.Length) + part.Length, line);
            if (!first)
            {
                sb.Append(separator);
            }

            sb.Append(part);
            first = false;
        }

        return sb.ToString();
    }

    private static FluidValue Unique(FluidValue value, Arguments args, RenderState state)
    {
        var caseSensitive = args.Bool(0, "case_sensitive", false);
        var attribute = args.Find(1, "attribute");
        var seen = new List<FluidValue>();
        var result = new List<FluidValue>();
        foreach (var item in Values.Items(value, args))
        {
            var key = Values.CaseKey(attribute is null ? item : Values.Attribute(item, Py.Str(attribute), args.Line), caseSensitive);
            if (!seen.Any(s => Py.Equal(s, key)))
            {
                seen.Add(key);
                result.Add(item);
            }
        }

        return Values.List(result);
    }

    private static FluidValue Sort(FluidValue value, Arguments args, RenderState state)
    {
        var reverse = args.Bool(0, "reverse", false);
        var caseSensitive = args.Bool(1, "case_sensitive", false);
        var attribute = args.Find(2, "attribute");
        var items = Values.Items(value, args).ToList();
        var keys = items.Select(i => Values.CaseKey(attribute is null ? i : Values.Attribute(i, Py.Str(attribute), args.Line), caseSensitive)).ToList();
        var order = Enumerable.Range(0, items.Count).ToList();
        try
        {
            order.Sort((x, y) =>
            {
                var c = Py.Compare(keys[x], keys[y], "<", args.Line);
                return c != 0 ? c : x.CompareTo(y);
            });
        }
        catch (InvalidOperationException e) when (e.InnerException is TemplateRuntimeException incomparable)
        {
            // List.Sort wraps what the comparison throws ('<' between a str and an int, an undefined key).
            throw new TemplateRuntimeException(incomparable.Reason, incomparable.Line);
        }
        if (reverse)
        {
            order = StableReverse(order, keys, args.Line);
        }

        return Values.List(order.Select(i => items[i]));
    }

    private static List<int> StableReverse(List<int> ascending, List<FluidValue> keys, int line)
    {
        // Python's sort(reverse=True) keeps equal items in their original order.
        var result = new List<int>(ascending.Count);
        var i = ascending.Count - 1;
        while (i >= 0)
        {
            var j = i;
            while (j > 0 && Py.Compare(keys[ascending[j - 1]], keys[ascending[i]], "<", line) == 0)
            {
                j--;
            }

            for (var k = j; k <= i; k++)
            {
                result.Add(ascending[k]);
            }

            i = j - 1;
        }

        return result;
    }

    private static FluidValue Length(FluidValue value, Arguments args, RenderState state) => Py.Defined(value) switch
    {
        StringValue s => NumberValue.Create(s.ToStringValue().Length),
        ArrayValue a => NumberValue.Create(a.Values.Count),
        MappingValue m => NumberValue.Create(m.Count),
        _ => throw args.Error($"object of type '{Py.TypeName(value)}' has no len()"),
    };

    private static FluidValue Extreme(FluidValue value, Arguments args, bool max)
    {
        var items = Values.Items(value, args);
        if (items.Count == 0)
        {
            return new JinjaUndefined("min/max of an empty sequence", args.Line);
        }

        var caseSensitive = args.Bool(0, "case_sensitive", false);
        var attribute = args.Find(1, "attribute");
        FluidValue Key(FluidValue i) => Values.CaseKey(attribute is null ? i : Values.Attribute(i, Py.Str(attribute), args.Line), caseSensitive);
        var best = items[0];
        foreach (var item in items.Skip(1))
        {
            var c = Py.Compare(Key(item), Key(best), max ? ">" : "<", args.Line);
            if (max ? c > 0 : c < 0)
            {
                best = item;
            }
        }

        return best;
    }

    private static FluidValue Sum(FluidValue value, Arguments args, RenderState state)
    {
        var attribute = args.Find(0, "attribute");
        FluidValue total = args.Get(1, "start", NumberValue.Zero);
        foreach (var item in Values.Items(value, args))
        {
            total = Py.Binary("+", total, attribute is null ? item : Values.Attribute(item, Py.Str(attribute), args.Line), args.Line, state.Budget);
        }

        return total;
    }

    private static FluidValue Round(FluidValue value, Arguments args, RenderState state)
    {
        var number = Number(value, args);
        var precision = args.Int(0, "precision", 0);
        var method = args.String(1, "method", "common");
        var factor = (decimal)Math.Pow(10, precision);
        var rounded = method switch
        {
            "ceil" => decimal.Ceiling(number * factor) / factor,
            "floor" => decimal.Floor(number * factor) / factor,
            "common" => decimal.Round(number, precision, MidpointRounding.AwayFromZero),
            _ => throw args.Error("method must be common, ceil or floor"),
        };
        return NumberValue.Create(Py.IsFloat(rounded) ? rounded : rounded * 1.0m);
    }

    private static FluidValue Map(FluidValue value, Arguments args, RenderState state)
    {
        var items = Values.Items(value, args);
        if (args.Named.TryGetValue("attribute", out var attribute))
        {
            var fallback = args.Named.GetValueOrDefault("default");
            return Values.List(items.Select(i =>
            {
                var v = Values.Attribute(i, Py.Str(attribute), args.Line);
                return v is JinjaUndefined && fallback is not null ? fallback : v;
            }));
        }

        var filterName = Py.Str(args.Required(0, "filter"));
        var filter = JinjaFilters.Get(filterName, args.Line);
        var rest = new Arguments($"filter '{filterName}'", args.Positional.Skip(1).ToList(), args.Named, args.Line);
        return Values.List(items.Select(i => filter.Invoke(i, rest, state)));
    }

    private static FluidValue Select(FluidValue value, Arguments args, RenderState state, bool keep, bool byAttribute)
    {
        var items = Values.Items(value, args);
        var offset = 0;
        string? attribute = null;
        if (byAttribute)
        {
            attribute = Py.Str(args.Required(0, "attribute"));
            offset = 1;
        }

        Func<FluidValue, bool> predicate;
        if (args.Positional.Count > offset)
        {
            var testName = Py.Str(args.Positional[offset]);
            var test = JinjaTests.Get(testName, args.Line);
            var rest = new Arguments($"test '{testName}'", args.Positional.Skip(offset + 1).ToList(), args.Named, args.Line);
            predicate = v => (v is not JinjaUndefined || test.AcceptsUndefined) && test.Invoke(v, rest, state);
        }
        else
        {
            predicate = v => v is not JinjaUndefined && Py.Truthy(v);
        }

        return Values.List(items.Where(i => predicate(attribute is null ? i : Values.Attribute(i, attribute, args.Line)) == keep));
    }

    private static FluidValue Indent(FluidValue value, Arguments args, RenderState state)
    {
        var width = args.Find(0, "width") is { } w && w is StringValue ? Py.Str(w) : Spaces(args.Int(0, "width", 4), state, args.Line);
        var first = args.Bool(1, "first", false);
        var blank = args.Bool(2, "blank", false);
        var lines = Py.Str(value).Split('\n');
        state.Budget.Text(Py.Str(value).Length + ((long)lines.Length * width.Length), args.Line);
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            var indentThis = (i > 0 || first) && (blank || lines[i].Length > 0);
            sb.Append(indentThis ? width : string.Empty).Append(lines[i]);
        }

        return Values.Text(sb.ToString());
    }

    private static string Spaces(int count, RenderState state, int line)
    {
        state.Budget.Text(count, line);
        return new string(' ', count);
    }

    private static string Center(string s, int width)
    {
        if (s.Length >= width)
        {
            return s;
        }

        var total = width - s.Length;
        var left = (total / 2) + (total & width & 1);
        return new string(' ', left) + s + new string(' ', total - left);
    }
}
