using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A converted list shared between renders, or <see cref="NotShared"/> when the list holds values that need evaluating.</summary>
internal sealed record SharedList(ArrayValue? Value)
{
    public static SharedList NotShared { get; } = new((ArrayValue?)null);
}
