namespace Kolla.Compat;

/// <summary>Where a top-level key of a YAML mapping was written, and how its value was spelled.</summary>
/// <param name="Line">1-based line of the key.</param>
/// <param name="ValueLine">1-based line where the value starts.</param>
/// <param name="ScalarText">The value's source text when it was a scalar (plain or quoted), else null.</param>
/// <param name="IsPlainScalar">True when the value was an unquoted scalar.</param>
internal sealed record YamlKeyInfo(int Line, int ValueLine, string? ScalarText, bool IsPlainScalar);
