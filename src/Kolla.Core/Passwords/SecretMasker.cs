namespace Kolla.Passwords;

/// <summary>Replaces known secret values (from passwords.yml) with <c>***</c> in text shown to people or logs: plans, diffs, events, errors.</summary>
/// <example><code>var masker = new SecretMasker(passwords.SecretValues); log(masker.Mask(diff));</code></example>
public sealed class SecretMasker
{
    private readonly string[] _secrets;

    /// <summary>Creates a masker. Values shorter than <paramref name="minimumLength"/> are ignored (too likely to hit ordinary text).</summary>
    public SecretMasker(IEnumerable<string> secrets, int minimumLength = 4)
    {
        ArgumentNullException.ThrowIfNull(secrets);

        // Longest first, so a secret that contains another is masked whole.
        _secrets = [.. secrets.Where(s => s.Length >= minimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>The text with every secret replaced by <c>***</c>.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Secret.Mask, StringComparison.Ordinal);
            }

            // Multi-line secrets (private keys) also appear line by line in files.
            if (secret.Contains('\n', StringComparison.Ordinal))
            {
                foreach (var line in secret.Split('\n').Where(l => l.Length >= 16))
                {
                    text = text.Replace(line, Secret.Mask, StringComparison.Ordinal);
                }
            }
        }

        return text;
    }
}
