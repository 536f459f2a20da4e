using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kolla.Inventory;

/// <summary>
/// Host identifiers as ansible-core reads them: <c>host:port</c> splitting (its <c>parse_address</c>)
/// and host range expansion (<c>web[01:20]</c>, <c>[a:f]</c>, <c>[0:10:2]</c>).
/// </summary>
internal static partial class HostAddress
{
    private const string AsciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // [x:y] / [x:y:z] where x and y are numbers, or single letters (hostnames only).
    private const string NumericRange = @"\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]";
    private const string HexRange = @"\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]";
    private const string AlphaRange = @"\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]";
    private const string Ipv4Part = @"(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NumericRange + ")";
    private const string Ipv6Part = "(?:[0-9a-f]{1,4}|" + HexRange + ")";
    private const string Label = @"(?:\w|" + AlphaRange + @")(?:[\w-]|" + AlphaRange + @")*(?<![_-])";

    /// <summary>
    /// Splits an optional port off <paramref name="address"/> and checks that what is left is an IPv4
    /// address, an IPv6 address or a hostname (ranges allowed).
    /// </summary>
    /// <returns>The host and port, or null when ansible would not recognise the text as an address.</returns>
    public static (string Host, int? Port)? Parse(string address)
    {
        int? port = null;
        var bracketed = BracketedHostPort().Match(address);
        if (bracketed.Success)
        {
            address = bracketed.Groups[1].Value;
            port = ParsePort(bracketed.Groups[2].Value);
        }

        // ansible tries the plain host:port form on what is left as well (so "[a:1]:22" ends as "a", 1).
        var plain = HostPort().Match(address);
        if (plain.Success)
        {
            address = plain.Groups[1].Value;
            port = ParsePort(plain.Groups[2].Value);
        }

        if (port is null && (bracketed.Success || plain.Success))
        {
            return null;
        }

        if (Ipv4().IsMatch(address) || Ipv6().IsMatch(address) || Hostname().IsMatch(address))
        {
            return (address, port);
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> looks like an IPv4 or IPv6 address (ansible's <c>inventory_hostname_short</c> rule).</summary>
    public static bool IsIpAddress(string name) => Ipv4().IsMatch(name) || Ipv6().IsMatch(name);

    private static int? ParsePort(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>
    /// A host pattern's hosts (its ranges expanded) and port: what both inventory formats do with a host entry.
    /// </summary>
    /// <exception cref="InventoryException">
    /// A range in the pattern is malformed, or the pattern stands for more than <paramref name="maxHosts"/> hosts (located at
    /// <paramref name="file"/>:<paramref name="line"/>).
    /// </exception>
    public static (List<string> Hosts, int? Port) ExpandPattern(string pattern, string file, int line, long maxHosts = long.MaxValue)
    {
        var (host, port) = Parse(pattern) ?? (pattern, null);
        if (!host.Contains('[', StringComparison.Ordinal))
        {
            return ([host], port);
        }

        try
        {
            return (TryExpandRanges(host, maxHosts, out var count)
                ?? throw new InventoryException(
                    file, line, $"host range '{pattern}' stands for {count} hosts, more than {maxHosts} (set {KollaLimits.InventoryHostsVariable} to allow more)"),
                port);
        }
        catch (FormatException e)
        {
            throw new InventoryException(file, line, $"bad host range '{pattern}': {e.Message}");
        }
    }

    /// <summary>
    /// Expands every <c>[begin:end(:step)]</c> in <paramref name="pattern"/>, left to right, as ansible's
    /// <c>expand_hostname_range</c> does: numeric ranges keep leading zeros (<c>[01:10]</c>), letter
    /// ranges walk <c>a..zA..Z</c>, an empty begin means 0.
    /// </summary>
    /// <exception cref="FormatException">The range is malformed; the message says why.</exception>
    public static List<string> ExpandRanges(string pattern) => TryExpandRanges(pattern, long.MaxValue, out _)!;

    /// <summary>
    /// Like <see cref="ExpandRanges"/>, but counts the hosts first: null (and the count) when there would be more than
    /// <paramref name="maxHosts"/>, before any is made. Time and memory are linear in the pattern and the hosts made.
    /// </summary>
    /// <exception cref="FormatException">The range is malformed; the message says why.</exception>
    public static List<string>? TryExpandRanges(string pattern, long maxHosts, out long count)
    {
        // ansible expands the first range of the name and recurses into each result. What a range expands to holds no
        // bracket or bar, so every name of one level shares the rest of the pattern: each level is parsed once, from
        // that rest, and the names are made at the end. A level without items ends it all (nothing after it is read).
        var levels = new List<Level>();
        var bars = new Queue<int>(Enumerable.Range(0, pattern.Length).Where(i => pattern[i] == '|'));
        var expanded = new StringBuilder(); // what the first name of this level starts with, for messages
        var offset = 0;
        count = 1;
        while (pattern.IndexOf('[', offset) is var open and >= 0)
        {
            while (bars.Count > 0 && bars.Peek() < offset)
            {
                bars.Dequeue();
            }

            var close = pattern.IndexOf(']', offset);
            var parts = 2 + bars.Count + (close >= 0 ? 1 : 0);
            if (parts != 3)
            {
                var line = expanded + pattern[offset..];
                throw new FormatException(parts < 3 ? $"unterminated host range in '{line}'" : $"unexpected '|' in host range '{line}'");
            }

            // The range lies between the first '[' and the first ']' (or the one bar), in whichever order they come.
            var other = close >= 0 ? close : bars.Peek();
            var (from, to) = (Math.Min(open, other), Math.Max(open, other));
            var level = ParseLevel(pattern[offset..from], pattern[(from + 1)..to]);
            if (level.Count == 0)
            {
                count = 0;
                return [];
            }

            levels.Add(level);
            count = count > long.MaxValue / level.Count ? long.MaxValue : count * level.Count;
            expanded.Append(level.Head).Append(level.Item(0));
            offset = to + 1;
        }

        if (count > maxHosts)
        {
            return null;
        }

        var tail = pattern[offset..];
        var names = new List<string>((int)count);
        var chosen = new long[levels.Count];
        var name = new StringBuilder();
        for (var made = 0L; made < count; made++)
        {
            name.Clear();
            for (var i = 0; i < levels.Count; i++)
            {
                name.Append(levels[i].Head).Append(levels[i].Item(chosen[i]));
            }

            names.Add(name.Append(tail).ToString());
            for (var i = levels.Count - 1; i >= 0 && ++chosen[i] == levels[i].Count; i--)
            {
                chosen[i] = 0;
            }
        }

        return names;
    }

    // One range: the text before it and its items (counted, made on demand), with ansible's checks in ansible's order.
    private static Level ParseLevel(string head, string range)
    {
        var bounds = range.Split(':');
        if (bounds.Length is not (2 or 3))
        {
            throw new FormatException("host range must be begin:end or begin:end:step");
        }

        var begin = bounds[0].Length == 0 ? "0" : bounds[0];
        var end = bounds[1];
        var stepText = bounds.Length == 3 ? bounds[2] : "1";
        if (end.Length == 0)
        {
            throw new FormatException("host range must specify end value");
        }

        var width = 0;
        if (begin[0] == '0' && begin.Length > 1)
        {
            width = begin.Length;
            if (width != end.Length)
            {
                throw new FormatException("host range must specify equal-length begin and end formats");
            }
        }

        var letterBegin = AsciiLetters.IndexOf(begin, StringComparison.Ordinal);
        var letterEnd = AsciiLetters.IndexOf(end, StringComparison.Ordinal);
        var step = PythonInt(stepText);
        if (letterBegin >= 0 && letterEnd >= 0 && step != 0)
        {
            if (letterBegin > letterEnd)
            {
                throw new FormatException("host range must have begin <= end");
            }

            var letters = step > 0 ? ((letterEnd - letterBegin) / step) + 1 : 0;
            return new Level(head, letters, i => AsciiLetters[(int)(letterBegin + (i * step))].ToString());
        }

        var first = PythonInt(begin);
        var last = PythonInt(end);
        if (step == 0)
        {
            throw new FormatException("host range step must not be zero");
        }

        // Python's range(first, last + 1, step), as ansible walks it (downwards it stops short of last + 1).
        var stop = step > 0 ? (decimal)last : (decimal)last + 2;
        var span = step > 0 ? stop - first : first - stop;
        var numbers = span < 0 ? 0 : (long)Math.Min(decimal.Floor(span / Math.Abs((decimal)step)) + 1, long.MaxValue);
        return new Level(head, numbers, i => Fill((long)(first + ((decimal)i * step)), width));
    }

    private sealed record Level(string Head, long Count, Func<long, string> Item);

    // str(x).zfill(width)
    private static string Fill(long value, int width)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : string.Empty;
        var pad = width - sign.Length - text.Length;
        return sign + (pad > 0 ? new string('0', pad) : string.Empty) + text;
    }

    // Python's int(text): surrounding whitespace, a sign, digits with single underscores between them.
    private static long PythonInt(string text)
    {
        var t = text.Trim();
        if (PythonIntText().IsMatch(t)
            && long.TryParse(t.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new FormatException($"invalid literal for int() with base 10: '{text}'");
    }

    [GeneratedRegex(@"^[+-]?[0-9](?:_?[0-9])*$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonIntText();

    [GeneratedRegex(@"^\[(.+)\]:([0-9]+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex BracketedHostPort();

    [GeneratedRegex(@"^((?:[^:\[\]]|\[[^\]]*\])*):([0-9]+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^(?:" + Ipv4Part + @"\.){3}" + Ipv4Part + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Ipv4();

    // Python matches this at the start only, and its '$' belongs to the last alternative alone.
    [GeneratedRegex(
        @"\A(?:(?:" + Ipv6Part + @":){7}" + Ipv6Part
        + @"|(?:" + Ipv6Part + @":){1,6}:"
        + @"|(?:" + Ipv6Part + @":)(?::" + Ipv6Part + @"){1,6}"
        + @"|(?:" + Ipv6Part + @":){2}(?::" + Ipv6Part + @"){1,5}"
        + @"|(?:" + Ipv6Part + @":){3}(?::" + Ipv6Part + @"){1,4}"
        + @"|(?:" + Ipv6Part + @":){4}(?::" + Ipv6Part + @"){1,3}"
        + @"|(?:" + Ipv6Part + @":){5}(?::" + Ipv6Part + @"){1,2}"
        + @"|(?:" + Ipv6Part + @":){6}(?::" + Ipv6Part + @")"
        + @"|:(?::" + Ipv6Part + @"){1,6}"
        + @"|" + Ipv6Part + @"?::"
        + @"|(?:0:){6}(?:" + Ipv6Part + @"\.){3}" + Ipv6Part
        + @"|::(?:ffff:)?(?:" + Ipv6Part + @"\.){3}" + Ipv6Part
        + @"|(?:0:){5}ffff:(?:" + Ipv6Part + @"\.){3}" + Ipv6Part + "$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Ipv6();

    [GeneratedRegex("^" + Label + @"(?:\." + Label + ")*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Hostname();
}
