namespace Kolla.Passwords;

/// <summary>What <see cref="GenPwd.RunAsync(string, bool, PasswordGenerator?, IProgress{GenPwdProgress}?, CancellationToken)"/> did.</summary>
/// <param name="Store">The passwords now in the file.</param>
/// <param name="FilledKeys">Keys that were empty and got a value (sorted).</param>
/// <param name="Created">True when the file did not exist and was created from the built-in key list.</param>
/// <param name="Written">True when the file's bytes changed.</param>
/// <param name="Warnings">Warnings to show (loose permissions, duplicate keys).</param>
public sealed record GenPwdResult(
    PasswordStore Store,
    IReadOnlyList<string> FilledKeys,
    bool Created,
    bool Written,
    IReadOnlyList<string> Warnings);
