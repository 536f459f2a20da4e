using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Kolla.Cli.Commands;

/// <summary>
/// Whole-number options checked against their range when parsed: anything else (a sign where none is allowed, a value
/// past the range, a fraction, text) is refused with one line naming the option and the range, before any work starts.
/// </summary>
internal static class WholeNumberOption
{
    /// <summary>An option with a default.</summary>
    public static Option<int> Create(string name, string[] aliases, string description, int minimum, int defaultValue) =>
        new(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(result, name, minimum) ?? defaultValue,
        };

    /// <summary>An option that may be left out (null).</summary>
    public static Option<int?> CreateOptional(string name, string description, int minimum) =>
        new(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name, minimum),
        };

    private static int? Parse(ArgumentResult result, string name, int minimum)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            result.AddError($"{name} must be a whole number from {minimum} to {int.MaxValue}, not '{text}'");
            return null;
        }

        return value;
    }
}
