namespace Kolla.Ssh;

/// <summary>OpenSSH host pattern lists: comma-separated patterns with <c>*</c>/<c>?</c> wildcards and <c>!</c> negation.</summary>
/// <remarks>Mirrors ssh(1)'s <c>match_hostname</c>: a negated pattern that matches rejects the name outright; otherwise any
/// positive match accepts it. Comparison is case-insensitive (ssh lower-cases host names).</remarks>
internal static class HostPatternMatcher
{
    public static bool MatchesList(string name, string patternList)
    {
        var matched = false;
        foreach (var raw in patternList.Split(','))
        {
            var negated = raw.StartsWith('!');
            var pattern = negated ? raw[1..] : raw;
            if (pattern.Length == 0 || !MatchesWildcard(name, pattern))
            {
                continue;
            }

            if (negated)
            {
                return false;
            }

            matched = true;
        }

        return matched;
    }

    public static bool MatchesWildcard(string text, string pattern)
    {
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
