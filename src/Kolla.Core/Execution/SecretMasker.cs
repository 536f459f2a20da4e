namespace Kolla.Execution;

/// <summary>Replaces every known secret value (from passwords.yml) with <c>***</c> in text shown to people or logs.</summary>
public sealed class SecretMasker
{
    private readonly string[] _secrets;

    /// <summary>Creates a masker; longer secrets are replaced first so a secret containing another is masked whole.</summary>
    public SecretMasker(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The masked text.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }

            // Multi-line secrets (private keys) also appear line by line in files.
            if (secret.Contains('\n', StringComparison.Ordinal))
            {
                foreach (var line in secret.Split('\n').Where(l => l.Length >= 16))
                {
                    text = text.Replace(line, "***", StringComparison.Ordinal);
                }
            }
        }

        return text;
    }
}
