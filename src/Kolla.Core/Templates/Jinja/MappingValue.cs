using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A Python-like dict in a template: string keys in insertion order, values produced on demand.</summary>
internal abstract class MappingValue : FluidValue
{
    public abstract IEnumerable<string> Keys { get; }

    public abstract int Count { get; }

    public override FluidValues Type => FluidValues.Dictionary;

    public abstract bool TryGet(string key, int line, out FluidValue value);

    public IEnumerable<KeyValuePair<string, FluidValue>> Items(int line)
    {
        foreach (var key in Keys)
        {
            if (TryGet(key, line, out var value))
            {
                yield return new(key, value);
            }
        }
    }

    public override bool Equals(FluidValue other) => Py.Equal(this, other);

    public override bool ToBooleanValue() => Count > 0;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => Py.Repr(this);

    public override object ToObjectValue() => Py.ToNative(this)!;

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => Count;
}
