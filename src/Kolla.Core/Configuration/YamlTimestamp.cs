using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// A YAML 1.1 timestamp with a time of day, as PyYAML loads it (<c>datetime.datetime</c>): wall-clock time with
/// microseconds, and a UTC offset when the text had one.
/// </summary>
/// <param name="DateTime">The wall-clock date and time (ticks below a microsecond are always zero).</param>
/// <param name="Offset">The UTC offset, or null for a naive timestamp.</param>
internal sealed record YamlTimestamp(DateTime DateTime, TimeSpan? Offset) : IPyTimestamp
{
    /// <inheritdoc />
    PyDateTime IPyTimestamp.Python => new(DateTime, Offset, IsDate: false);

    /// <summary>Python's <c>isoformat(' ')</c>: <c>2024-01-31 10:20:30[.ffffff][+HH:MM]</c>.</summary>
    public override string ToString() => new PyDateTime(DateTime, Offset, IsDate: false).IsoFormat(' ');

    /// <summary>Reference equality: two timestamps read from different places are different objects.</summary>
    public bool Equals(YamlTimestamp? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
