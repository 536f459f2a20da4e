using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Jinja's <c>loop</c> variable, computed on demand (no per-iteration dictionary).</summary>
internal sealed class LoopValue(IReadOnlyList<FluidValue> items, int index, int line) : MappingValue
{
    private static readonly string[] Names = ["index", "index0", "revindex", "revindex0", "first", "last", "length", "previtem", "nextitem", "depth", "depth0"];

    public override IEnumerable<string> Keys => Names;

    public override int Count => Names.Length;

    public override bool TryGet(string key, int line1, out FluidValue value)
    {
        var count = items.Count;
        value = key switch
        {
            "index" => NumberValue.Create(index + 1),
            "index0" => NumberValue.Create(index),
            "revindex" => NumberValue.Create(count - index),
            "revindex0" => NumberValue.Create(count - index - 1),
            "first" => BooleanValue.Create(index == 0),
            "last" => BooleanValue.Create(index == count - 1),
            "length" => NumberValue.Create(count),
            "previtem" => index > 0 ? items[index - 1] : new JinjaUndefined("loop.previtem", line),
            "nextitem" => index < count - 1 ? items[index + 1] : new JinjaUndefined("loop.nextitem", line),
            "depth" => NumberValue.Create(1),
            "depth0" => NumberValue.Zero,
            _ => NilValue.Instance,
        };
        return value is not NilValue;
    }
}
