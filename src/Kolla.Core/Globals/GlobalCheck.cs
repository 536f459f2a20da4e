using System.Globalization;
using System.Text.RegularExpressions;
using Kolla.Compat;

namespace Kolla.Globals;

/// <summary>
/// One global every deployment uses: evaluated when globals are read, so a bad value or default fails there, naming its
/// line, and checked against the values it may take.
/// </summary>
/// <param name="Key">The variable.</param>
/// <param name="Kind">The type its evaluated value must have.</param>
internal sealed record GlobalCheck(string Key, GlobalKind Kind = GlobalKind.Text)
{
    /// <summary>The only values allowed, or null for any.</summary>
    public IReadOnlyList<string>? OneOf { get; init; }

    /// <summary>The smallest whole number allowed, or null for any.</summary>
    public long? Minimum { get; init; }

    /// <summary>A pattern the text must match, with what it means, or null.</summary>
    public (Regex Pattern, string Meaning)? Format { get; init; }

    /// <summary>What is wrong with an evaluated value, or null when it is allowed.</summary>
    public string? Problem(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => s,
            _ => PyText.Str(value),
        };
        if (OneOf is not null && !OneOf.Contains(text, StringComparer.Ordinal))
        {
            return $"'{Key}' must be one of {string.Join(", ", OneOf)}, got '{text}'";
        }

        if (Minimum is { } minimum && value is long number && number < minimum)
        {
            return $"'{Key}' must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, got {number.ToString(CultureInfo.InvariantCulture)}";
        }

        if (Format is var (pattern, meaning) && !pattern.IsMatch(text))
        {
            return $"'{Key}' must be {meaning}, got '{text}'";
        }

        return null;
    }
}
