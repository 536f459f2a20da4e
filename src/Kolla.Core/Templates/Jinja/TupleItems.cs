using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Marks an <see cref="ArrayValue"/>'s items as a Python tuple, so it prints as <c>('a', 1)</c>.</summary>
internal sealed class TupleItems(IEnumerable<FluidValue> items) : List<FluidValue>(items)
{
    public static ArrayValue Create(IEnumerable<FluidValue> items) => new(new TupleItems(items));

    public static bool IsTuple(FluidValue value) => value is ArrayValue { Values: TupleItems };
}
