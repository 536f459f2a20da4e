using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>A YAML 1.1 date without a time (<c>2024-01-31</c>), as PyYAML loads it (<c>datetime.date</c>).</summary>
/// <remarks>
/// A class, not a struct, because PyYAML keeps the identity of dates: one date reached through an alias is written
/// once with an anchor.
/// </remarks>
/// <param name="Value">The date.</param>
internal sealed record YamlDate(DateOnly Value) : IPyTimestamp
{
    /// <inheritdoc />
    PyDateTime IPyTimestamp.Python => PyDateTime.Date(Value);

    /// <summary>ISO form, <c>YYYY-MM-DD</c>.</summary>
    public override string ToString() => PyDateTime.Date(Value).IsoFormat(' ');

    /// <summary>Reference equality: two dates read from different places are different objects.</summary>
    public bool Equals(YamlDate? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
