using System.Globalization;
using System.Text;

namespace Kolla.Configuration;

/// <summary>
/// A YAML 1.1 timestamp with a time of day, as PyYAML loads it (<c>datetime.datetime</c>): wall-clock time with
/// microseconds, and a UTC offset when the text had one.
/// </summary>
/// <param name="DateTime">The wall-clock date and time (ticks below a microsecond are always zero).</param>
/// <param name="Offset">The UTC offset, or null for a naive timestamp.</param>
public sealed record YamlTimestamp(DateTime DateTime, TimeSpan? Offset)
{
    /// <summary>The instant in UTC ticks (for an offset-aware timestamp).</summary>
    internal long UtcTicks => DateTime.Ticks - (Offset ?? TimeSpan.Zero).Ticks;

    /// <summary>Python's <c>isoformat(' ')</c>: <c>2024-01-31 10:20:30[.ffffff][+HH:MM]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(32);
        sb.Append(DateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var micro = (DateTime.Ticks % TimeSpan.TicksPerSecond) / 10;
        if (micro != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $".{micro:D6}");
        }

        if (Offset is { } offset)
        {
            var abs = offset.Duration();
            sb.Append(offset < TimeSpan.Zero ? '-' : '+')
                .Append(CultureInfo.InvariantCulture, $"{(int)abs.TotalHours:D2}:{abs.Minutes:D2}");
        }

        return sb.ToString();
    }

    /// <summary>Reference equality: two timestamps read from different places are different objects.</summary>
    public bool Equals(YamlTimestamp? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
