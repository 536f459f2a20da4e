namespace Kolla.Configuration;

/// <summary>The values a key had before a later source replaced them (recorded when provenance tracking is on).</summary>
/// <param name="Source">The source that had set these values.</param>
/// <param name="Values">The occurrences that source set (all of them were replaced together).</param>
public sealed record IniShadowedValues(string Source, IReadOnlyList<IniValue> Values);
