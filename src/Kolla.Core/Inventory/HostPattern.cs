using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kolla.Inventory;

/// <summary>
/// An Ansible host pattern (what <c>hosts:</c> and <c>--limit</c> take), evaluated as ansible-core 2.14 does.
/// </summary>
/// <remarks>
/// <para>Terms are separated by commas, or by colons when the whole text is not a host address
/// (<c>host:port</c>, IPv6). A term is a host or group name, a shell wildcard (<c>web*</c>), a regex
/// after <c>~</c> (<c>~web\d+</c>, anchored at the start only), optionally followed by a subscript over
/// the matched hosts (<c>g[0]</c>, <c>g[-1]</c>, <c>g[1:3]</c> inclusive, <c>g[2:]</c>). <c>!term</c>
/// excludes, <c>&amp;term</c> intersects.</para>
/// <para>Order of evaluation is Ansible's: all plain terms first (union, in the order written), then every
/// <c>&amp;</c> term, then every <c>!</c> term, whatever order they were written in. A term that names no
/// group and no host is an error here (ansible warns and ignores it); so is a subscript past the end.
/// A group matched by name contributes all its hosts; a wildcard may match group names and host names.</para>
/// </remarks>
public sealed partial class HostPattern
{
    private HostPattern(string text, IReadOnlyList<string> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>The terms, as written (with their <c>!</c> / <c>&amp;</c> prefixes).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Splits a pattern into terms (ansible's <c>split_host_pattern</c>).</summary>
    /// <param name="pattern">The pattern text.</param>
    /// <returns>The parsed pattern.</returns>
    /// <exception cref="InventoryException">The pattern is empty.</exception>
    public static HostPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        IEnumerable<string> parts;
        if (pattern.Contains(',', StringComparison.Ordinal))
        {
            parts = pattern.Split(',');
        }
        else if (HostAddress.Parse(pattern) is not null)
        {
            parts = [pattern];
        }
        else
        {
            parts = ColonTerms().Matches(pattern).Select(m => m.Value);
        }

        var terms = parts.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (terms.Count == 0)
        {
            throw new InventoryException(null, null, $"host pattern '{pattern}' is empty");
        }

        return new HostPattern(pattern, terms.AsReadOnly());
    }

    /// <summary>Evaluates the pattern; an empty result is allowed when every term matched something.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <returns>The selected hosts, without duplicates, in Ansible's order.</returns>
    /// <exception cref="InventoryException">A term matches no group and no host, a subscript is out of range, or a regex is invalid.</exception>
    public IReadOnlyList<InventoryHost> Evaluate(Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var regular = Terms.Where(t => t[0] is not ('!' or '&')).ToList();
        if (regular.Count == 0)
        {
            regular.Add(InventoryGroup.AllName);
        }

        var ordered = regular
            .Concat(Terms.Where(t => t[0] == '&'))
            .Concat(Terms.Where(t => t[0] == '!'));

        var hosts = new List<InventoryHost>();
        foreach (var term in ordered)
        {
            if (inventory.TryGetHost(term, out var exact))
            {
                hosts.Add(exact);
                continue;
            }

            var matched = MatchTerm(inventory, term);
            if (term[0] == '!')
            {
                var excluded = matched.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
                hosts.RemoveAll(h => excluded.Contains(h.Name));
            }
            else if (term[0] == '&')
            {
                var kept = matched.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
                hosts.RemoveAll(h => !kept.Contains(h.Name));
            }
            else
            {
                var present = hosts.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
                hosts.AddRange(matched.Where(h => !present.Contains(h.Name)));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return hosts.Where(h => seen.Add(h.Name)).ToList().AsReadOnly();
    }

    /// <summary>Evaluates the pattern and refuses an empty result (what <c>--limit</c> needs).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <returns>The selected hosts (at least one).</returns>
    /// <exception cref="InventoryException">The pattern selects no host, or a term matches nothing.</exception>
    public IReadOnlyList<InventoryHost> Select(Inventory inventory)
    {
        var hosts = Evaluate(inventory);
        return hosts.Count > 0
            ? hosts
            : throw new InventoryException(null, null, $"host pattern '{Text}' selects no hosts");
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static List<InventoryHost> MatchTerm(Inventory inventory, string term)
    {
        var pattern = term[0] is '!' or '&' ? term[1..] : term;
        if (pattern.Length == 0)
        {
            throw new InventoryException(null, null, $"host pattern term '{term}' names nothing");
        }

        var (expression, subscript) = SplitSubscript(pattern);
        var hosts = Enumerate(inventory, expression);
        if (hosts.Count == 0 || subscript is not { } s)
        {
            return hosts;
        }

        var (start, end) = s;
        if (end is { } e)
        {
            // [x:y] is inclusive; [x:] (end -1) runs to the last host; a slice never fails.
            var last = e == -1 ? hosts.Count - 1 : e;
            var from = Math.Min(start, hosts.Count);
            var to = Math.Min(last + 1, hosts.Count);
            return to > from ? hosts.GetRange(from, to - from) : [];
        }

        var index = start < 0 ? hosts.Count + start : start;
        if (index < 0 || index >= hosts.Count)
        {
            throw new InventoryException(null, null, $"No hosts matched the subscripted pattern '{pattern}'");
        }

        return [hosts[index]];
    }

    // Returns (start, end): end null for a single index; -1 for an open end. "[x:0]" selects x alone, as in ansible.
    private static (string Expression, (int Start, int? End)? Subscript) SplitSubscript(string pattern)
    {
        if (pattern[0] == '~')
        {
            return (pattern, null);
        }

        var m = Subscript().Match(pattern);
        if (!m.Success)
        {
            return (pattern, null);
        }

        if (m.Groups["index"].Success)
        {
            return (m.Groups["expr"].Value, (ParseIndex(m.Groups["index"].Value), null));
        }

        var start = ParseIndex(m.Groups["start"].Value);
        var endText = m.Groups["end"].Value;
        var end = endText.Length == 0 ? -1 : ParseIndex(endText);
        return (m.Groups["expr"].Value, (start, end == 0 ? null : end));
    }

    private static int ParseIndex(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : text.StartsWith('-') ? int.MinValue : int.MaxValue;

    private static List<InventoryHost> Enumerate(Inventory inventory, string pattern)
    {
        Regex regex;
        try
        {
            regex = pattern[0] == '~'
                ? new Regex(@"\A(?:" + pattern[1..] + ")", RegexOptions.CultureInvariant)
                : new Regex(GlobToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
        catch (ArgumentException)
        {
            throw new InventoryException(null, null, $"Invalid host list pattern: {pattern}");
        }

        var results = new List<InventoryHost>();
        var matchedGroup = false;
        foreach (var group in inventory.Groups.Values)
        {
            if (regex.IsMatch(group.Name))
            {
                matchedGroup = true;
                results.AddRange(group.Hosts);
            }
        }

        if (!matchedGroup || pattern[0] == '~' || pattern.AsSpan().IndexOfAny(".?*[") >= 0)
        {
            results.AddRange(inventory.Hosts.Where(h => regex.IsMatch(h.Name)));
        }

        if (results.Count == 0 && !matchedGroup && pattern != InventoryGroup.AllName)
        {
            throw new InventoryException(null, null, $"host pattern '{pattern}' matches no host or group");
        }

        return results;
    }

    // Python's fnmatch.translate: * ? [seq] [!seq], anchored at both ends, case-sensitive.
    private static string GlobToRegex(string pattern)
    {
        var sb = new StringBuilder(@"\A(?:");
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i++];
            switch (c)
            {
                case '*':
                    while (i < pattern.Length && pattern[i] == '*')
                    {
                        i++;
                    }

                    sb.Append(".*");
                    break;
                case '?':
                    sb.Append('.');
                    break;
                case '[':
                    {
                        var j = i;
                        if (j < pattern.Length && pattern[j] == '!')
                        {
                            j++;
                        }

                        if (j < pattern.Length && pattern[j] == ']')
                        {
                            j++;
                        }

                        while (j < pattern.Length && pattern[j] != ']')
                        {
                            j++;
                        }

                        if (j >= pattern.Length)
                        {
                            sb.Append(@"\[");
                            break;
                        }

                        var stuff = pattern[i..j].Replace(@"\", @"\\", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal);
                        i = j + 1;
                        if (stuff.Length == 0)
                        {
                            sb.Append("(?!)");
                        }
                        else if (stuff == "!")
                        {
                            sb.Append('.');
                        }
                        else
                        {
                            if (stuff[0] == '!')
                            {
                                stuff = "^" + stuff[1..];
                            }
                            else if (stuff[0] == '^')
                            {
                                stuff = @"\" + stuff;
                            }

                            sb.Append('[').Append(stuff).Append(']');
                        }

                        break;
                    }

                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.Append(@")\z").ToString();
    }

    [GeneratedRegex(@"(?:[^\s:\[\]]|\[[^\]]*\])+", RegexOptions.CultureInvariant)]
    private static partial Regex ColonTerms();

    [GeneratedRegex(@"^(?<expr>.+)\[(?:(?<index>-?[0-9]+)|(?<start>[0-9]+)[:-](?<end>[0-9]*))\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Subscript();
}
