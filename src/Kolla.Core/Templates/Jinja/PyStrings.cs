namespace Kolla.Templates.Jinja;

/// <summary>Python string operations whose edge cases differ from .NET's.</summary>
internal static class PyStrings
{
    /// <summary><c>str.split(sep=None, maxsplit=-1)</c>: with no separator, runs of whitespace split and ends are dropped.</summary>
    public static List<string> Split(string text, string? separator, int maxSplit, Arguments args)
    {
        var result = new List<string>();
        if (separator is null)
        {
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    break;
                }

                if (maxSplit >= 0 && result.Count == maxSplit)
                {
                    result.Add(text[i..].TrimEnd());
                    break;
                }

                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                result.Add(text[start..i]);
            }

            return result;
        }

        if (separator.Length == 0)
        {
            throw args.Error("empty separator");
        }

        var from = 0;
        while (maxSplit < 0 || result.Count < maxSplit)
        {
            var at = text.IndexOf(separator, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            result.Add(text[from..at]);
            from = at + separator.Length;
        }

        result.Add(text[from..]);
        return result;
    }
}
