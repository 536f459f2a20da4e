namespace Kolla.Ssh;

/// <summary>
/// The host variable <c>ansible_ssh_common_args</c> (ssh command-line arguments Ansible adds to every ssh, scp and sftp
/// call) read as ssh options: <c>-o Keyword=Value</c> (or <c>-o "Keyword Value"</c>, <c>-oKeyword=Value</c>), <c>-J</c>,
/// <c>-i</c>, <c>-l</c> and <c>-p</c>. What this executor cannot honour is refused, naming the variable.
/// </summary>
internal static class SshCommonArgs
{
    public const string Variable = "ansible_ssh_common_args";

    /// <summary>The <c>-o</c> keywords that are applied.</summary>
    public static IReadOnlyList<string> Applied { get; } =
        ["ProxyJump", "ProxyCommand", "StrictHostKeyChecking", "UserKnownHostsFile", "HostName", "User", "Port", "IdentityFile", "IdentityAgent"];

    /// <summary>The <c>-o</c> keywords that change nothing for this executor (connection sharing, keepalive, logging) and are skipped.</summary>
    public static IReadOnlyList<string> Ignored { get; } =
        ["ControlMaster", "ControlPersist", "ControlPath", "ServerAliveInterval", "ServerAliveCountMax", "TCPKeepAlive", "Compression", "LogLevel"];

    /// <summary>The options <paramref name="text"/> gives, in order.</summary>
    /// <exception cref="FormatException">An argument is not supported or malformed; the message names <c>ansible_ssh_common_args</c>.</exception>
    public static IReadOnlyList<SshOption> Parse(string text)
    {
        IReadOnlyList<string> words;
        try
        {
            words = ShellWords.Split(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{Variable}: {e.Message}");
        }

        var options = new List<SshOption>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length < 2 || word[0] != '-')
            {
                throw new FormatException($"{Variable}: '{word}' is not an ssh option (only -o, -J, -i, -l and -p are applied)");
            }

            var flag = word[1];
            if (!"oJilp".Contains(flag, StringComparison.Ordinal))
            {
                throw new FormatException($"{Variable}: ssh option -{flag} is not supported (only -o, -J, -i, -l and -p are applied)");
            }

            var value = word.Length > 2 ? word[2..] : i + 1 < words.Count ? words[++i] : throw new FormatException($"{Variable}: {word} needs a value");
            switch (flag)
            {
                case 'o':
                    if (Option(value) is { } option)
                    {
                        options.Add(option);
                    }

                    break;
                case 'J':
                    options.Add(new SshOption("proxyjump", value, Variable));
                    break;
                case 'i':
                    options.Add(new SshOption("identityfile", value, Variable));
                    break;
                case 'l':
                    options.Add(new SshOption("user", value, Variable));
                    break;
                default:
                    options.Add(new SshOption("port", value, Variable));
                    break;
            }
        }

        return options;
    }

    private static SshOption? Option(string text)
    {
        var split = text.IndexOfAny(['=', ' ', '\t']);
        if (split <= 0)
        {
            throw new FormatException($"{Variable}: -o {text} has no value (use -o Keyword=Value)");
        }

        var keyword = text[..split];
        var value = text[(split + 1)..].Trim();
        if (Ignored.Contains(keyword, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Applied.Contains(keyword, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"{Variable}: -o {keyword} is not supported; supported: {string.Join(", ", Applied)} (ignored: {string.Join(", ", Ignored)})");
        }

        return new SshOption(keyword.ToLowerInvariant(), keyword.Equals("ProxyCommand", StringComparison.OrdinalIgnoreCase) ? value : ShellWords.Split(value).FirstOrDefault() ?? string.Empty, Variable);
    }
}
