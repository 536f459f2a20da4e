namespace Kolla.Templates.Jinja;

/// <summary>The texts a masker replaces for the secret spans of a rendered text.</summary>
internal static class SecretPieces
{
    /// <summary>
    /// The texts to mask for the secret spans of <paramref name="text"/>: each line of a span, trimmed, when it is at least
    /// <see cref="TemplateSecrets.MinimumLength"/> long; else the whole line of the text around it (a two-character slice
    /// of a password is masked with the line it sits on). Parts that are one of <paramref name="known"/> are left out.
    /// </summary>
    public static List<string> Of(string text, IEnumerable<TaintSpan> spans, TemplateSecrets? known = null)
    {
        var pieces = new List<string>();
        foreach (var span in Merge(spans))
        {
            var start = span.Start;
            while (start < span.End)
            {
                var newline = text.IndexOf('\n', start, span.End - start);
                var end = newline < 0 ? span.End : newline;
                var piece = text.AsSpan(start, end - start).Trim();
                if (piece.Length < TemplateSecrets.MinimumLength && piece.Length > 0)
                {
                    // Too short to mask on its own: its line instead.
                    var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
                    var lineEnd = text.IndexOf('\n', end);
                    piece = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).Trim();
                }

                if (piece.Length >= TemplateSecrets.MinimumLength && known?.Contains(piece) != true)
                {
                    pieces.Add(piece.ToString());
                }

                start = end + 1;
            }
        }

        return pieces;
    }

    /// <summary>The spans in order, overlapping and touching ones joined, empty ones dropped.</summary>
    public static TaintSpan[] Merge(IEnumerable<TaintSpan> spans)
    {
        if (spans is TaintSpan[] { Length: 1 } one && one[0].Length > 0)
        {
            return one;
        }

        var sorted = new List<TaintSpan>(spans);
        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TaintSpan>(sorted.Count);
        foreach (var span in sorted)
        {
            if (span.Length == 0)
            {
                continue;
            }

            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TaintSpan(last.Start, Math.Max(last.End, span.End) - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }

        return [.. merged];
    }
}
