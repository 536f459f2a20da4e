using System.Globalization;

namespace Kolla.Ssh;

/// <summary>One hop of <c>ProxyJump</c>: the host (as given, looked up in the ssh config like any host), and the user and
/// port given with it.</summary>
/// <param name="Host">Host name or address, before the ssh config's <c>HostName</c>.</param>
/// <param name="User">User given as <c>user@host</c>, or null.</param>
/// <param name="Port">Port given as <c>host:port</c> (or <c>ssh -p</c>), or null.</param>
/// <param name="IdentityFile">Key given to the jump (<c>ssh -i</c> in a ProxyCommand), or null.</param>
internal sealed record SshJumpHost(string Host, string? User = null, int? Port = null, string? IdentityFile = null)
{
    /// <summary>The hops of a <c>ProxyJump</c> value (<c>[user@]host[:port]</c> or <c>ssh://[user@]host[:port]</c>, comma-separated); none for <c>none</c>.</summary>
    /// <exception cref="FormatException">A hop is malformed; the message names <paramref name="source"/>.</exception>
    public static IReadOnlyList<SshJumpHost> ParseProxyJump(string value, string source)
    {
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return value.Split(',', StringSplitOptions.TrimEntries).Select(hop => ParseHop(hop, source)).ToArray();
    }

    /// <summary>
    /// A <c>ProxyCommand</c> that is an ssh forwarding to the target (<c>ssh [-q] [-p PORT] [-l USER] [-i KEY] -W %h:%p
    /// [user@]host</c>, the usual bastion form) as the jump it amounts to; <c>none</c> as no jump. Any other command is refused.
    /// </summary>
    /// <exception cref="FormatException">The command is not of that form; the message names <paramref name="source"/>.</exception>
    public static IReadOnlyList<SshJumpHost> ParseProxyCommand(string value, string source)
    {
        var refused = $"{source}: ProxyCommand '{value}' is not supported; only 'ssh -W %h:%p [-p PORT] [-l USER] [-i KEY] [user@]host' is (or use ProxyJump)";
        IReadOnlyList<string> words;
        try
        {
            words = ShellWords.Split(value);
        }
        catch (FormatException)
        {
            throw new FormatException(refused);
        }

        if (words is ["none"])
        {
            return [];
        }

        if (words.Count == 0 || Path.GetFileName(words[0]) != "ssh")
        {
            throw new FormatException(refused);
        }

        string? user = null, key = null, forward = null, host = null;
        int? port = null;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            string Next() => i + 1 < words.Count ? words[++i] : throw new FormatException(refused);
            switch (word)
            {
                case "-q" or "-T" or "-N" or "-4" or "-6" or "-C" or "-x" or "-a":
                    break;
                case "-W":
                    forward = Next();
                    break;
                case "-p":
                    port = ParsePort(Next(), source);
                    break;
                case "-l":
                    user = Next();
                    break;
                case "-i":
                    key = Next();
                    break;
                default:
                    if (word.StartsWith('-') || host is not null)
                    {
                        throw new FormatException(refused);
                    }

                    host = word;
                    break;
            }
        }

        if (forward != "%h:%p" || host is null)
        {
            throw new FormatException(refused);
        }

        var hop = ParseHop(host, source);
        return [hop with { User = user ?? hop.User, Port = port ?? hop.Port, IdentityFile = key }];
    }

    /// <summary>How the hop reads in messages: <c>user@host:port</c> with what was given.</summary>
    public override string ToString() => (User is null ? string.Empty : User + "@") + Host + (Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty);

    private static SshJumpHost ParseHop(string hop, string source)
    {
        var text = hop.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase) ? hop[6..].TrimEnd('/') : hop;
        string? user = null;
        if (text.LastIndexOf('@') is > 0 and var at)
        {
            user = text[..at];
            text = text[(at + 1)..];
        }

        int? port = null;
        if (text.StartsWith('[') && text.IndexOf(']') is > 0 and var close)
        {
            port = close + 1 < text.Length && text[close + 1] == ':' ? ParsePort(text[(close + 2)..], source) : null;
            text = text[1..close];
        }
        else if (text.IndexOf(':') is > 0 and var colon && text.IndexOf(':', colon + 1) < 0)
        {
            port = ParsePort(text[(colon + 1)..], source);
            text = text[..colon];
        }

        return text.Length == 0 || text.Any(char.IsWhiteSpace)
            ? throw new FormatException($"{source}: ProxyJump hop '{hop}' is not [user@]host[:port]")
            : new SshJumpHost(text, user, port);
    }

    internal static int ParsePort(string text, string source) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"{source}: port '{text}' is not a number from 1 to 65535");
}
