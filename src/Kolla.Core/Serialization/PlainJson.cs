using System.Text.Encodings.Web;
using Kolla.Compat;

namespace Kolla.Serialization;

/// <summary>
/// JSON for plain value graphs (strings, booleans, numbers, dictionaries with string keys, sequences and null) as
/// <see cref="System.Text.Json.JsonSerializer"/> writes the same values: one line, the default (HTML-safe) escaping
/// unless relaxed. Used for the CLI's <c>--json</c> events and summaries; anything that is not a plain value is a
/// programming error and throws.
/// </summary>
public static class PlainJson
{
    private static readonly JsonDumpsOptions s_default = new() { ItemSeparator = ",", KeySeparator = ":", Encoder = JavaScriptEncoder.Default };
    private static readonly JsonDumpsOptions s_relaxed = s_default with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line of JSON for <paramref name="value"/>.</summary>
    /// <param name="value">A plain value graph.</param>
    /// <param name="relaxedEscaping">Leave non-ASCII and HTML-sensitive characters unescaped (still valid JSON).</param>
    /// <exception cref="InvalidOperationException">The graph holds a value that is not plain, or is nested too deeply.</exception>
    public static string Serialize(object? value, bool relaxedEscaping = false) =>
        JsonDumps.Write(value, relaxedEscaping ? s_relaxed : s_default);
}
