using System.Globalization;
using System.Text;

namespace Kolla.Compat;

/// <summary>
/// Python's <c>datetime.date</c> or <c>datetime.datetime</c> as PyYAML builds it from a YAML timestamp: wall-clock time
/// to the microsecond, and a UTC offset when the text had one.
/// </summary>
/// <param name="WallClock">The date (at midnight for a date) and time of day; ticks below a microsecond are zero.</param>
/// <param name="Offset">The UTC offset, or null for a date or a naive datetime.</param>
/// <param name="IsDate">True for a date without a time of day.</param>
internal readonly record struct PyDateTime(DateTime WallClock, TimeSpan? Offset, bool IsDate)
{
    /// <summary>A date.</summary>
    public static PyDateTime Date(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), null, IsDate: true);

    /// <summary>The instant in UTC ticks (the wall clock itself for a naive datetime).</summary>
    public long UtcTicks => WallClock.Ticks - (Offset ?? TimeSpan.Zero).Ticks;

    /// <summary>PyYAML's <c>construct_yaml_timestamp</c>: false when the text is not a valid date or time.</summary>
    public static bool TryParse(string text, out PyDateTime value)
    {
        value = default;
        var m = YamlTags.TimestampParts().Match(text);
        if (!m.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        try
        {
            var date = new DateOnly(Part("year"), Part("month"), Part("day"));
            if (!m.Groups["hour"].Success)
            {
                value = Date(date);
                return true;
            }

            var fraction = m.Groups["fraction"].Value;
            var micro = fraction.Length == 0 ? 0 : int.Parse(fraction.Length >= 6 ? fraction[..6] : fraction.PadRight(6, '0'), CultureInfo.InvariantCulture);
            var time = new TimeOnly(Part("hour"), Part("minute"), Part("second")).Add(TimeSpan.FromTicks(micro * 10L));
            TimeSpan? offset = null;
            if (m.Groups["tzsign"].Success)
            {
                var delta = new TimeSpan(Part("tzhour"), m.Groups["tzminute"].Success ? Part("tzminute") : 0, 0);
                offset = m.Groups["tzsign"].Value == "-" ? -delta : delta;
                if (offset.Value.Duration() >= TimeSpan.FromHours(24))
                {
                    return false;
                }
            }
            else if (m.Groups["tz"].Success)
            {
                offset = TimeSpan.Zero;
            }

            value = new PyDateTime(date.ToDateTime(time), offset, IsDate: false);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// Python's <c>isoformat(separator)</c>: <c>2024-01-31</c> for a date, else
    /// <c>2024-01-31{separator}10:20:30[.ffffff][+HH:MM]</c>.
    /// </summary>
    public string IsoFormat(char separator)
    {
        if (IsDate)
        {
            return WallClock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder(32);
        sb.Append(WallClock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(separator)
            .Append(WallClock.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        var micro = (WallClock.Ticks % TimeSpan.TicksPerSecond) / 10;
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
}
