using System.Numerics;

namespace Kolla.Compat;

/// <summary>
/// What a <see cref="YamlConstructor"/> builds: the containers, what an integer and a timestamp become, and which tags
/// beyond PyYAML's <c>SafeConstructor</c> are known. Composition, tag resolution, merge keys and scalar parsing are the
/// same for every profile.
/// </summary>
/// <remarks>
/// The profiles: <see cref="AnsibleYamlProfile.Vars"/> and <see cref="AnsibleYamlProfile.Inventory"/> (what Ansible's
/// loader gives its vars files and ansible-inventory), and <c>SafeLoadProfile</c> in Configuration (PyYAML's
/// <c>safe_load</c> for kolla's merge_yaml, into the public <c>YamlMapping</c> values).
/// </remarks>
internal abstract class YamlProfile
{
    /// <summary>Try Python's <c>json.loads</c> before YAML, as ansible's DataLoader does.</summary>
    public virtual bool JsonFirst => false;

    /// <summary>Ansible's tags are known: <c>!unsafe</c> (the value as is) and <c>!vault</c> (refused unless lenient).</summary>
    public virtual bool AnsibleTags => false;

    /// <summary>A tag no constructor takes does not fail: a scalar keeps its text, a collection ignores the tag.</summary>
    public virtual bool LenientTags => false;

    /// <summary>Timestamps stay the text they were written as (neither checked nor built).</summary>
    public virtual bool RawTimestamps => false;

    /// <summary>A new, empty mapping.</summary>
    public abstract object NewMapping();

    /// <summary>Sets <paramref name="key"/> (a constructed scalar) in <paramref name="mapping"/>: the last value wins, at the first position.</summary>
    /// <exception cref="YamlLoadException">The profile cannot hold such a key.</exception>
    public abstract void SetEntry(object mapping, object? key, object? value, int keyLine);

    /// <summary>A new, empty sequence.</summary>
    public abstract object NewSequence();

    /// <summary>Appends <paramref name="item"/> to <paramref name="sequence"/>.</summary>
    public abstract void AddItem(object sequence, object? item);

    /// <summary>What a Python int becomes (default: the <see cref="BigInteger"/> itself).</summary>
    /// <param name="value">The integer.</param>
    /// <param name="text">The scalar as written.</param>
    public virtual object? Integer(BigInteger value, string text) => value;

    /// <summary>What a valid timestamp becomes (not called with <see cref="RawTimestamps"/>).</summary>
    public virtual object? Timestamp(PyDateTime value) => value.IsoFormat(' ');

    /// <summary>The text a key stands for in messages and top-level key positions (default: Python's <c>str()</c>).</summary>
    /// <exception cref="YamlLoadException">The key has no text in this profile.</exception>
    public virtual string KeyText(object? key, int keyLine) => PyText.Str(key);
}
