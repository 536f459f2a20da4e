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
        var parse = Parse(args, console);
        if (console.Color && parse.GetValue(NoColor(parse)))
        {
            // Every verb renders through the console it was built with: build them again without colour.
            parse = Parse(args, console with { Color = false });
        }

        if (parse.Errors.Count > 0 && !AsksForHelp(parse))
        {
            return ParseErrorReport.Write(parse, console.Error);
        }

        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static ParseResult Parse(string[] args, CliConsole console)
    {
        var root = new RootCommand("Deploy OpenStack Kolla containers from kolla-ansible inputs, with a readable plan first.")
        {
            new Option<bool>("--no-color") { Description = "No colour in the output (as does a non-empty NO_COLOR environment variable).", Recursive = true },
        };
        foreach (var command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }

        // `-e @vars.yml` is Ansible's way to pass a file of extra vars; without this the parser would read it as a
        // response file and splice its lines in as arguments.
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    private static Option<bool> NoColor(ParseResult parse) => (Option<bool>)parse.RootCommandResult.Command.Options.First(o => o.Name == "--no-color");

    // `--help` anywhere shows the help, as before, even next to a mistake.
    private static bool AsksForHelp(ParseResult parse) => parse.Action is HelpAction;
}
