using System.Collections.Frozen;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Global functions: <c>range()</c>, <c>dict()</c>, <c>kolla_address()</c>, <c>super()</c>.</summary>
internal static class JinjaFunctions
{
    public static FrozenDictionary<string, Func<Arguments, RenderState, FluidValue>> All { get; } =
        new Dictionary<string, Func<Arguments, RenderState, FluidValue>>(StringComparer.Ordinal)
        {
            ["range"] = Range,
            ["dict"] = (a, _) => new LiteralMappingValue(a.Named),
            ["super"] = (a, s) => s.RenderSuper(a.Line),
            ["kolla_address"] = (a, s) => KollaFilters.Address(a.String(1, "network", "api"), a.Find(0, "hostname"), a.Find(2, "override_var"), a, s),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FluidValue Range(Arguments args, RenderState state)
    {
        long start = 0, stop, step = 1;
        var numbers = args.Positional.Select(p => (long)CoreFilters.Number(p, args)).ToList();
        switch (numbers.Count)
        {
            case 1:
                stop = numbers[0];
                break;
            case 2:
                (start, stop) = (numbers[0], numbers[1]);
                break;
            case 3:
                (start, stop, step) = (numbers[0], numbers[1], numbers[2]);
                break;
            default:
                throw args.Error("expects 1 to 3 numbers");
        }

        if (step == 0)
        {
            throw args.Error("step must not be zero");
        }

        // Python's len(range(start, stop, step)), refused past the list limit before anything is built.
        var span = step > 0 ? (decimal)stop - start : (decimal)start - stop;
        var count = span <= 0 ? 0 : (long)Math.Min(decimal.Ceiling(span / Math.Abs((decimal)step)), long.MaxValue);
        state.Budget.Items(count, args.Line);
        var result = new List<FluidValue>((int)count);
        for (var i = 0L; i < count; i++)
        {
            result.Add(NumberValue.Create(start + (i * step)));
        }

        return new ArrayValue(result);
    }
}
