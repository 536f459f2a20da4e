namespace Kolla.Ssh;

/// <summary>
/// An OpenSSH client configuration file (<c>~/.ssh/config</c>, or the file of <c>-F</c>): <c>Host</c> blocks, their
/// options in file order, and <c>Include</c>. <see cref="OptionsFor"/> gives the options that apply to a host, in the order
/// ssh reads them, so the first value of a keyword wins as in ssh(1).
/// </summary>
/// <remarks>
/// <c>Match</c> blocks cannot be evaluated here: their options are left out and a warning names the line. Keywords are
/// kept whatever they are; <see cref="SshHostSettings"/> decides which it uses.
/// </remarks>
internal sealed class SshConfigFile
{
    private const int MaxIncludeDepth = 16;
    private readonly List<Entry> _entries = [];
    private readonly List<string> _warnings = [];

    private SshConfigFile(string path) => Path = path;

    /// <summary>The file read (empty for <see cref="None"/>).</summary>
    public string Path { get; }

    /// <summary>What was read but is not applied (<c>Match</c> blocks), one message each, located.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>No configuration (<c>-F none</c>).</summary>
    public static SshConfigFile None { get; } = new(string.Empty);

    /// <summary>Reads <paramref name="path"/> (a leading <c>~/</c> is expanded) and the files it includes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="required">False: a missing file is no configuration (as ssh treats <c>~/.ssh/config</c>). True: it is an error.</param>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="FormatException">A line cannot be read; the message starts with <c>FILE:LINE:</c>.</exception>
    public static SshConfigFile Load(string path, bool required)
    {
        var expanded = HomePath.Expand(path);
        var config = new SshConfigFile(expanded);
        if (!File.Exists(expanded))
        {
            return required ? throw new FileNotFoundException($"ssh config file {expanded} does not exist", expanded) : config;
        }

        config.Read(expanded, patterns: null, depth: 0);
        return config;
    }

    /// <summary>The options that apply to <paramref name="host"/> (the name given to ssh, before <c>HostName</c>), in file order.</summary>
    public IReadOnlyList<SshOption> OptionsFor(string host) =>
        _entries.Where(e => !e.Skipped && (e.Patterns is null || Matches(host, e.Patterns))).Select(e => e.Option).ToArray();

    private static bool Matches(string host, IReadOnlyList<string> patterns) =>
        HostPatternMatcher.MatchesList(host, string.Join(',', patterns));

    private void Read(string file, IReadOnlyList<string>? patterns, int depth)
    {
        var lines = File.ReadAllLines(file);
        var skipped = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var source = $"{file}:{index + 1}";
            var line = lines[index].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var split = line.IndexOfAny([' ', '\t', '=']);
            var keyword = (split < 0 ? line : line[..split]).ToLowerInvariant();
            var rest = split < 0 ? string.Empty : line[split..].TrimStart();
            if (rest.StartsWith('='))
            {
                rest = rest[1..].TrimStart();
            }

            IReadOnlyList<string> words;
            try
            {
                words = ShellWords.Split(rest);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{source}: {keyword}: {e.Message}");
            }

            if (words.Count == 0)
            {
                throw new FormatException($"{source}: {keyword} has no value");
            }

            switch (keyword)
            {
                case "host":
                    patterns = words;
                    skipped = false;
                    break;
                case "match":
                    skipped = true;
                    _warnings.Add($"{source}: Match blocks are not supported; the options under this Match are ignored");
                    break;
                case "include" when !skipped:
                    foreach (var included in Expand(words, source, depth))
                    {
                        Read(included, patterns, depth + 1);
                    }

                    break;
                default:
                    // ProxyCommand keeps its whole command line; every other keyword takes its first word.
                    _entries.Add(new Entry(patterns, skipped, new SshOption(keyword, keyword == "proxycommand" ? rest : words[0], source)));
                    break;
            }
        }
    }

    private static IEnumerable<string> Expand(IReadOnlyList<string> words, string source, int depth)
    {
        if (depth >= MaxIncludeDepth)
        {
            throw new FormatException($"{source}: Include nested more than {MaxIncludeDepth} deep");
        }

        foreach (var word in words)
        {
            var path = HomePath.Expand(word);
            if (!System.IO.Path.IsPathRooted(path))
            {
                path = System.IO.Path.Join(HomePath.Expand("~/.ssh"), path);
            }

            var directory = System.IO.Path.GetDirectoryName(path)!;
            var name = System.IO.Path.GetFileName(path);
            if (name.AsSpan().IndexOfAny('*', '?') < 0)
            {
                if (File.Exists(path))
                {
                    yield return path;
                }

                continue;
            }

            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var match in Directory.GetFiles(directory, name).Order(StringComparer.Ordinal))
            {
                yield return match;
            }
        }
    }

    private sealed record Entry(IReadOnlyList<string>? Patterns, bool Skipped, SshOption Option);
}
