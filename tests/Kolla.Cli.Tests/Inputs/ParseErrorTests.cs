using Kolla.Cli.Parsing;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Inputs;

/// <summary>Arguments the parser cannot place: a line per problem with the closest names or kolla's equivalent of kolla-ansible's name, no help dump, exit 1.</summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData(new[] { "deplyo" }, "error: unknown command 'deplyo'; did you mean 'deploy'?", "Run 'kolla --help' for usage.")]
    [InlineData(new[] { "genconfg" }, "error: unknown command 'genconfg'; did you mean 'genconfig'?", "Run 'kolla --help' for usage.")]
    [InlineData(new[] { "bogus" }, "error: unknown command 'bogus'", "Run 'kolla --help' for usage.")]
    [InlineData(new[] { "mariadb_backup" }, "error: 'mariadb_backup' is a kolla-ansible command that kolla does not implement yet", "Run 'kolla --help' for usage.")]
    [InlineData(new[] { "mariadb_recovry" }, "error: unknown command 'mariadb_recovry'; did you mean 'mariadb_recovery'?", "Run 'kolla --help' for usage.")]
    [InlineData(new[] { "inventory", "lst" }, "error: unknown 'inventory' command 'lst'; did you mean 'list'?", "Run 'kolla inventory --help' for usage.")]
    [InlineData(new[] { "config", "merg" }, "error: unknown 'config' command 'merg'; did you mean one of: 'merge', 'merge-yaml'?", "Run 'kolla config --help' for usage.")]
    [InlineData(new[] { "deploy", "--check" }, "error: unknown option '--check': kolla has no --check: 'kolla plan' shows what deploy would change, touching nothing", "Run 'kolla deploy --help' for usage.")]
    [InlineData(new[] { "check", "--diff" }, "error: unknown option '--diff': --diff belongs to plan and to the dry runs of deploy, reconfigure, upgrade and genconfig: 'kolla plan --diff' shows each changed file's diff", "Run 'kolla check --help' for usage.")]
    [InlineData(new[] { "plan", "-D" }, "error: unknown option '-D': kolla has no -D: 'kolla plan --diff' shows each changed file's diff", "Run 'kolla plan --help' for usage.")]
    [InlineData(new[] { "deploy", "--invetnory=x" }, "error: unknown option '--invetnory'; did you mean '--inventory'?", "Run 'kolla deploy --help' for usage.")]
    [InlineData(new[] { "plan", "--tgas", "keystone" }, "error: unknown option '--tgas'; did you mean '--tags'?", "error: unexpected argument 'keystone'", "Run 'kolla plan --help' for usage.")]
    public async Task Run_UnknownName_SaysWhatToUseAndNoHelp(string[] args, params string[] lines)
    {
        var (code, output, error) = await CliRun.RunAsync(args);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(lines);
    }

    [Fact]
    public async Task Run_NoCommand_ListsTheCommands()
    {
        var (code, _, error) = await CliRun.RunAsync();

        code.Should().Be(1);
        error.Should().StartWith("error: a command is required: deploy, ").And.Contain(" genpwd, ").And.EndWith("Run 'kolla --help' for usage.\n");
    }

    [Fact]
    public async Task Run_MissingOptionValue_IsOneLine()
    {
        var (code, _, error) = await CliRun.RunAsync("deploy", "--forks");

        code.Should().Be(1);
        error.Should().Be("Required argument missing for option: '--forks'.\n");
    }

    [Fact]
    public async Task Run_HelpNextToAMistake_ShowsTheHelp()
    {
        var (code, output, _) = await CliRun.RunAsync("deploy", "--bogus", "--help");

        code.Should().Be(0);
        output.Should().Contain("Usage:");
    }

    [Theory]
    [InlineData("deploy", "deploy", 0)]
    [InlineData("deplyo", "deploy", 1)]
    [InlineData("dpeloy", "deploy", 1)]
    [InlineData("plan", "pull", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsEditsAndSwaps(string a, string b, int expected)
    {
        ClosestNames.Distance(a, b).Should().Be(expected);
    }
}
