using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>The Python methods templates call on values: <c>dict.items()</c>, <c>str.split()</c>, ...</summary>
internal static class JinjaMethods
{
    public static FluidValue Invoke(FluidValue target, string name, Arguments args, RenderState state)
    {
        switch (target)
        {
            case MappingValue map:
                switch (name)
                {
                    case "items":
                        return Values.List(map.Items(args.Line).Select(p => (FluidValue)TupleItems.Create([Values.Text(p.Key), p.Value])));
                    case "keys":
                        return Values.List(map.Keys.Select(k => (FluidValue)Values.Text(k)));
                    case "values":
                        return Values.List(map.Items(args.Line).Select(p => p.Value));
                    case "get":
                        return map.TryGet(Py.Str(args.Required(0, "key")), args.Line, out var found) ? found : args.Get(1, "default", NilValue.Instance);
                }

                break;
            case StringValue s:
                var text = s.ToStringValue();
                switch (name)
                {
                    case "split":
                        var separator = args.Find(0, "sep");
                        return Values.List(PyStrings.Split(text, separator is null || Py.IsNone(separator) ? null : Py.Str(separator), args.Int(1, "maxsplit", -1), args).Select(p => (FluidValue)Values.Text(p)));
                    case "startswith":
                        return BooleanValue.Create(text.StartsWith(Py.Str(args.Required(0, "prefix")), StringComparison.Ordinal));
                    case "endswith":
                        return BooleanValue.Create(text.EndsWith(Py.Str(args.Required(0, "suffix")), StringComparison.Ordinal));
                    case "strip":
                        return Values.Text(args.Find(0, "chars") is { } c ? text.Trim(Py.Str(c).ToCharArray()) : text.Trim());
                    case "lstrip":
                        return Values.Text(args.Find(0, "chars") is { } lc ? text.TrimStart(Py.Str(lc).ToCharArray()) : text.TrimStart());
                    case "rstrip":
                        return Values.Text(args.Find(0, "chars") is { } rc ? text.TrimEnd(Py.Str(rc).ToCharArray()) : text.TrimEnd());
                    case "lower":
                        return Values.Text(text.ToLowerInvariant());
                    case "upper":
                        return Values.Text(text.ToUpperInvariant());
                    case "replace":
                        return JinjaFilters.Get("replace", args.Line).Invoke(s, args, state);
                    case "join":
                        return Values.Text(CoreFilters.Join(text, Values.Items(args.Required(0, "iterable"), args).Select(Py.Str), state, args.Line));
                    case "format":
                        return Values.Text(Format(text, args, state));
                }

                break;
            case ArrayValue list:
                switch (name)
                {
                    case "index":
                        var wanted = args.Required(0, "value");
                        for (var i = 0; i < list.Values.Count; i++)
                        {
                            if (Py.Equal(list.Values[i], wanted))
                            {
                                return NumberValue.Create(i);
                            }
                        }

                        throw args.Error($"{Py.Repr(wanted)} is not in list");
                    case "count":
                        var item = args.Required(0, "value");
                        return NumberValue.Create(list.Values.Count(v => Py.Equal(v, item)));
                }

                break;
        }

        throw new TemplateRuntimeException($"'{Py.TypeName(target)}' object has no method '{name}'", args.Line);
    }

    private static string Format(string template, Arguments args, RenderState state)
    {
        // str.format with positional {} / {0} and keyword {name} fields; the text is refused once it would pass the limit.
        var auto = 0;
        long length = template.Length;
        return System.Text.RegularExpressions.Regex.Replace(template, @"\{\{|\}\}|\{([^{}]*)\}", m =>
        {
            var text = Field(m);
            length += text.Length - m.Length;
            state.Budget.Text(length, args.Line);
            return text;
        });

        string Field(System.Text.RegularExpressions.Match m)
        {
            if (m.Value is "{{" or "}}")
            {
                return m.Value[..1];
            }

            var field = m.Groups[1].Value;
            FluidValue? value = field.Length == 0
                ? args.Find(auto++, string.Empty)
                : int.TryParse(field, out var index) ? args.Find(index, string.Empty) : args.Named.GetValueOrDefault(field);
            return value is null ? throw args.Error($"missing value for '{{{field}}}'") : Py.Str(value);
        }
    }
}
