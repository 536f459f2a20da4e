using System.CommandLine;
using Kolla.Cli.Output;

namespace Kolla.Cli.Commands;

/// <summary><c>--diff [GLOB]</c> and <c>--no-diff</c>: how much of a plan the verbs that show one print.</summary>
internal sealed class DiffOptions
{
    public Option<string[]> Diff { get; } = new("--diff")
    {
        Description = "Show every change with its file diff; with GLOB (repeatable), only the diffs of matching files, e.g. --diff 'nova*' "
            + "or --diff keystone/keystone.conf. Default: the whole plan when it is short, else a summary per host.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "GLOB",
    };

    public Option<bool> NoDiff { get; } = new("--no-diff") { Description = "Show every change without file diffs." };

    public void AddTo(Command command)
    {
        command.Options.Add(Diff);
        command.Options.Add(NoDiff);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Diff) is not null && result.GetValue(NoDiff))
            {
                result.AddError("--diff and --no-diff exclude each other");
            }
        });
    }

    public DiffSelection Selection(ParseResult parse) =>
        parse.GetValue(NoDiff) ? DiffSelection.None
        : parse.GetResult(Diff) is null ? DiffSelection.Auto
        : new DiffSelection(DiffMode.Full, (parse.GetValue(Diff) ?? []).Select(p => new PathGlob(p)).ToArray());
}
