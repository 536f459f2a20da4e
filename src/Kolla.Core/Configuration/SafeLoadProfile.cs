using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// PyYAML's <c>safe_load</c> as kolla's merge_yaml calls it, into the public YAML values: <see cref="YamlMapping"/>
/// (Python's dict keys), <see cref="YamlSequence"/>, <see cref="System.Numerics.BigInteger"/> ints, doubles,
/// <see cref="YamlDate"/> and <see cref="YamlTimestamp"/>. Composition, typing and merge keys are the shared loader's.
/// </summary>
internal sealed class SafeLoadProfile : YamlProfile
{
    private SafeLoadProfile()
    {
    }

    public static SafeLoadProfile Instance { get; } = new();

    /// <summary>The document's value (null for an empty stream).</summary>
    /// <exception cref="ConfigMergeException">The text is not valid YAML or uses what safe_load rejects.</exception>
    public static object? Load(string text, string source)
    {
        try
        {
            return YamlLoader.Load(text, Instance);
        }
        catch (YamlLoadException e)
        {
            throw new ConfigMergeException(source, e.Line, e.Message, e);
        }
    }

    /// <inheritdoc />
    public override object NewMapping() => new YamlMapping();

    /// <inheritdoc />
    public override void SetEntry(object mapping, object? key, object? value, int keyLine) => ((YamlMapping)mapping).Set(key, value, keyLine);

    /// <inheritdoc />
    public override object NewSequence() => new YamlSequence();

    /// <inheritdoc />
    public override void AddItem(object sequence, object? item) => ((YamlSequence)sequence).Add(item);

    /// <inheritdoc />
    public override object? Timestamp(PyDateTime value) =>
        value.IsDate ? new YamlDate(DateOnly.FromDateTime(value.WallClock)) : new YamlTimestamp(value.WallClock, value.Offset);
}
