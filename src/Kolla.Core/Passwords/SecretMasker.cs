namespace Kolla.Passwords;

/// <summary>Replaces known secret values (from passwords.yml) with <c>***</c> in text shown to people or logs: plans, diffs, events, errors.</summary>
/// <example><code>var masker = new SecretMasker(passwords.SecretValues); log(masker.Mask(diff));</code></example>
public sealed class SecretMasker
{
    private readonly string[] _secrets;

    /// <summary>The secrets that span lines: the only ones whose masking changes a text's line count.</summary>
    private readonly string[] _multiLine;

    /// <summary>Creates a masker. Values shorter than <paramref name="minimumLength"/> are ignored (too likely to hit ordinary text).</summary>
    public SecretMasker(IEnumerable<string> secrets, int minimumLength = 4)
    {
        ArgumentNullException.ThrowIfNull(secrets);

        // Longest first, so a secret that contains another is masked whole.
        _secrets = [.. secrets.Where(s => s.Length >= minimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        _multiLine = [.. _secrets.Where(s => s.Contains('\n', StringComparison.Ordinal))];
    }

    /// <summary>
    /// Whether <see cref="Mask"/> could give <paramref name="text"/> another line count; false when no secret that spans
    /// lines is in it, so a line count can be taken of the text itself without masking it.
    /// </summary>
    /// <remarks>
    /// Masking replaces secrets with <c>***</c>: only replacing a secret that holds a line break removes line breaks,
    /// and such a secret can only be found in the masked text where it was in the text (unless it holds a <c>*</c>,
    /// which a replacement could have put next to it; such a secret counts as present).
    /// </remarks>
    public bool MayChangeLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _multiLine)
        {
            if (secret.Contains('*', StringComparison.Ordinal) || text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
