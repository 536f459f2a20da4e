using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// A templated variable's evaluated value as kept between renders (<see cref="TemplateRenderer.SharedValues"/>): the value,
/// what its evaluation did to the secret taint, and what it spent of the render's budget, so a render that reuses it
/// is charged, tainted and refused as if it had evaluated the value itself.
/// </summary>
/// <param name="Value">The value: only plain values are kept (text, numbers, booleans, None, lists and dicts of them).</param>
/// <param name="Taint">The secrets the evaluation marked and read (null: none).</param>
/// <param name="Iterations">The loop iterations it ran.</param>
/// <param name="Depth">How deep it nested evaluations below its own.</param>
internal sealed record SharedValue(FluidValue Value, TaintReplay? Taint, long Iterations, int Depth)
{
    /// <summary>Values nested deeper are not kept (and not walked).</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// Whether the value may be used by another render: one that holds no render's state (a dict read from the variables
    /// converts its items on demand in the render that read it, a scope reads through it) and is not undefined.
    /// </summary>
    public bool CanShare => IsPlain(Value, 0);

    private static bool IsPlain(FluidValue value, int depth)
    {
        switch (value)
        {
            case StringValue or NumberValue or BooleanValue or NilValue:
                return true;
            case ArrayValue list when depth < MaxDepth:
                foreach (var item in list.Values)
                {
                    if (!IsPlain(item, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case LiteralMappingValue map when depth < MaxDepth:
                foreach (var item in map.Values)
                {
                    if (!IsPlain(item, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
