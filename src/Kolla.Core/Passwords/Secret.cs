using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Kolla.Passwords;

/// <summary>A secret string that never shows itself by accident: <see cref="ToString"/> is <c>***</c>.</summary>
[DebuggerDisplay("***")]
public sealed class Secret : IEquatable<Secret>
{
    private readonly string _value;

    /// <summary>Wraps a secret value.</summary>
    public Secret(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The text that replaces secrets in output.</summary>
    public static string Mask => "***";

    /// <summary>The length of the secret (safe to show).</summary>
    public int Length => _value.Length;

    /// <summary>The secret itself, for the places that must use it (rendered configs, container environment).</summary>
    public string Reveal() => _value;

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => Mask;

    /// <summary>Compares in constant time.</summary>
    public bool Equals(Secret? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.Length;
}
