using System.CommandLine;

namespace Kolla.Cli.Parsing;

/// <summary>
/// What the CLI says when it cannot parse its arguments: one line per problem and, for an unknown verb or option, the
/// closest names or what kolla-ansible's name is called here, then where to find the usage; a value an option refuses is
/// its one-line message. Exit code 1, no help dump.
/// </summary>
internal static class ParseErrorReport
{
    public static int Write(ParseResult parse, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse);
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        foreach (var token in parse.UnmatchedTokens)
        {
            error.WriteLine(Describe(token, command, isRoot: command is RootCommand));
        }

        var usage = unmatched.Count > 0;
        foreach (var message in parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            // The unknown tokens are explained above; a missing verb after an unknown one says nothing new.
            if (message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)
                || (unmatched.Count > 0 && message.StartsWith("Required command was not provided", StringComparison.Ordinal)))
            {
                continue;
            }

            if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                error.WriteLine($"error: a command is required: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
                usage = true;
            }
            else
            {
                // A value the option refused: its message names the option and what it takes.
                error.WriteLine(message);
            }
        }

        if (usage)
        {
            error.WriteLine($"Run '{path} --help' for usage.");
        }

        return 1;
    }

    private static string Describe(string token, Command command, bool isRoot)
    {
        if (KollaAnsibleNames.Options.TryGetValue(token, out var instead))
        {
            return $"error: unknown option '{token}': {instead}";
        }

        if (!token.StartsWith('-') && command.Subcommands.Count > 0)
        {
            if (isRoot && KollaAnsibleNames.MissingVerbs.Contains(token))
            {
                return $"error: '{token}' is a kolla-ansible command that kolla does not implement yet";
            }

            var kind = isRoot ? "command" : $"'{command.Name}' command";
            return WithSuggestions($"error: unknown {kind} '{token}'", ClosestNames.For(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)));
        }

        if (token.StartsWith('-'))
        {
            var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            var name = token.Split('=', 2)[0]; // --name=value
            return WithSuggestions($"error: unknown option '{name}'", ClosestNames.For(name, names));
        }

        return WithSuggestions($"error: unexpected argument '{token}'", ClosestNames.For(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)));
    }

    private static string WithSuggestions(string message, IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => message,
        1 => $"{message}; did you mean '{suggestions[0]}'?",
        _ => $"{message}; did you mean one of: {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?",
    };

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "kolla" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
