using System.CommandLine;
using System.CommandLine.Help;
using Kolla.Cli.Commands;
using Kolla.Cli.Parsing;

namespace Kolla.Cli;

/// <summary>The <c>kolla</c> command line: parses arguments and dispatches to one command.</summary>
internal static class KollaApp
{
    /// <summary>Runs the command line in-process (the tests call this too).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Deploy OpenStack Kolla containers from kolla-ansible inputs, with a readable plan first.");
        foreach (var command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }

        // `-e @vars.yml` is Ansible's way to pass a file of extra vars; without this the parser would read it as a
        // response file and splice its lines in as arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && !AsksForHelp(parse))
        {
            return ParseErrorReport.Write(parse, console.Error);
        }

        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    // `--help` anywhere shows the help, as before, even next to a mistake.
    private static bool AsksForHelp(ParseResult parse) => parse.Action is HelpAction;
}
