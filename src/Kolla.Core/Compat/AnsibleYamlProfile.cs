using System.Numerics;

namespace Kolla.Compat;

/// <summary>
/// What Ansible's loader (PyYAML with Ansible's constructor) gives to the two kinds of readers here, into plain values:
/// <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, null, <see cref="List{T}"/> and
/// string-keyed mappings.
/// </summary>
/// <remarks>
/// The two differ where their consumers do. <see cref="Vars"/> feeds templates: keys become Python's <c>str()</c> of the
/// key, mappings keep their order, integers beyond 64 bits and timestamps stay the text they were written as, and a tag
/// nothing constructs keeps the text (a <c>!vault</c> value included). <see cref="Inventory"/> feeds ansible-inventory's
/// JSON: it tries JSON first, keys become the text Python's json writes, big integers stay
/// <see cref="BigInteger"/>, timestamps become <c>isoformat()</c> text, and unknown tags and <c>!vault</c> are refused.
/// </remarks>
internal sealed class AnsibleYamlProfile : YamlProfile
{
    private readonly bool _inventory;

    private AnsibleYamlProfile(bool inventory) => _inventory = inventory;

    /// <summary>Vars files, globals.yml, passwords.yml, <c>from_yaml</c>, image build settings.</summary>
    /// <remarks>Mappings are <see cref="OrderedDictionary{TKey,TValue}"/> with ordinal keys.</remarks>
    public static AnsibleYamlProfile Vars { get; } = new(inventory: false);

    /// <summary>Inventories, their <c>group_vars/</c> and <c>host_vars/</c>, extra vars.</summary>
    /// <remarks>Mappings are <see cref="Dictionary{TKey,TValue}"/> with ordinal keys.</remarks>
    public static AnsibleYamlProfile Inventory { get; } = new(inventory: true);

    /// <inheritdoc />
    public override bool JsonFirst => _inventory;

    /// <inheritdoc />
    public override bool AnsibleTags => true;

    /// <inheritdoc />
    public override bool LenientTags => !_inventory;

    /// <inheritdoc />
    public override bool RawTimestamps => !_inventory;

    /// <inheritdoc />
    public override object NewMapping() => _inventory
        ? new Dictionary<string, object?>(StringComparer.Ordinal)
        : new OrderedDictionary<string, object?>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override void SetEntry(object mapping, object? key, object? value, int keyLine) =>
        ((IDictionary<string, object?>)mapping)[KeyText(key, keyLine)] = value;

    /// <inheritdoc />
    public override object NewSequence() => new List<object?>();

    /// <inheritdoc />
    public override void AddItem(object sequence, object? item) => ((List<object?>)sequence).Add(item);

    /// <inheritdoc />
    public override object? Integer(BigInteger value, string text) => _inventory
        ? PythonLiteral.Normalize(value)
        : value >= long.MinValue && value <= long.MaxValue ? (long)value : text;

    /// <inheritdoc />
    public override object? Timestamp(PyDateTime value) => value.IsoFormat('T');

    /// <inheritdoc />
    public override string KeyText(object? key, int keyLine) => _inventory
        ? JsonDumps.KeyText(key) ?? throw new YamlLoadException(keyLine, "found unacceptable key (unhashable type)")
        : PyText.Str(key);
}
