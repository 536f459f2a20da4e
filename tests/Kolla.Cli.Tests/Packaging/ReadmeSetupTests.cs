using Kolla.TestKit;

namespace Kolla.Tests.Packaging;

/// <summary>
/// The README opens with the two set-up commands of a fresh machine; the second runs every test with no sudo needed
/// (scripts/test.sh escalates by itself when it is not root), and CI runs that same command.
/// </summary>
public sealed class ReadmeSetupTests
{
    [Fact]
    public async Task Readme_OpensWithTwoCommands_TheSecondIsTheTestCommandCiRuns()
    {
        var token = TestContext.Current.CancellationToken;
        var readme = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "README.md"), token);
        var ci = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, ".ci", "run"), token);
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "scripts", "test.sh"), token);

        var block = readme.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```").ToList();
        block.Should().HaveCount(2);
        block[1].Should().Be("bash scripts/test.sh", "a root shell without sudo can run it");
        readme.TakeWhile(l => l != "```sh").Where(l => l.Length > 0).Should().Equal("# Kolla for .NET");
        ci.Should().Contain($"exec {block[1]} ");
        script.Should().Contain("if [[ $EUID -ne 0 ]]; then").And.Contain("exec sudo -- env");
    }
}
