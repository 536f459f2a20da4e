namespace Kolla.Templates;

/// <summary>
/// The secret values (from passwords.yml) a renderer treats as taint sources: a string read from the variables that
/// equals one of them is tainted, and so is every value a template computes from a tainted one.
/// </summary>
internal sealed class TemplateSecrets
{
    /// <summary>Values shorter than this are not secrets to mask (too likely to hit ordinary text), as for <see cref="Passwords.SecretMasker"/>.</summary>
    public const int MinimumLength = 4;

    private readonly HashSet<string> _values;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly bool[] _lengths;

    /// <summary>Creates the set; values shorter than <see cref="MinimumLength"/> are left out.</summary>
    public TemplateSecrets(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new HashSet<string>(values.Where(v => v.Length >= MinimumLength), StringComparer.Ordinal);
        _spans = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = new bool[_values.Count == 0 ? 0 : _values.Max(v => v.Length) + 1];
        foreach (var value in _values)
        {
            _lengths[value.Length] = true;
        }
    }

    /// <summary>The secret values.</summary>
    public IReadOnlyCollection<string> Values => _values;

    /// <summary>True when <paramref name="text"/> is one of the secrets (a length check first, so most strings are not hashed).</summary>
    public bool Contains(string text) => text.Length < _lengths.Length && _lengths[text.Length] && _values.Contains(text);

    /// <summary>Like <see cref="Contains(string)"/>, for a part of a text (no string is made).</summary>
    public bool Contains(ReadOnlySpan<char> text) => text.Length < _lengths.Length && _lengths[text.Length] && _spans.Contains(text);
}
