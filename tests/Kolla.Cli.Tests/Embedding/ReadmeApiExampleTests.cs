using Kolla.Converge;
using Kolla.TestKit;

namespace Kolla.Tests.Embedding;

/// <summary>README.md's "The API in 30 seconds" is the code of <see cref="ReadmeApiExample"/>, and it deploys the all-in-one sample.</summary>
public sealed class ReadmeApiExampleTests : IDisposable
{
    private const string Section = "## The API in 30 seconds";
    private const string Begin = "// README: The API in 30 seconds (begin)";
    private const string End = "// README: The API in 30 seconds (end)";

    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-readme-api-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadmeBlock_IsTheCompiledExample()
    {
        var readme = File.ReadAllLines(RepositoryPaths.InRepo("README.md"));
        var section = Array.IndexOf(readme, Section);
        section.Should().BeGreaterThan(0, $"README.md has a section '{Section}'");
        var fence = Array.IndexOf(readme, "```csharp", section);
        var close = Array.IndexOf(readme, "```", fence + 1);
        var readmeBlock = readme[(fence + 1)..close];

        var source = File.ReadAllLines(RepositoryPaths.InRepo("tests", "Kolla.Cli.Tests", "Embedding", "ReadmeApiExample.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == Begin);
        var end = Array.FindIndex(source, l => l.Trim() == End);
        var indent = source[begin].Length - source[begin].TrimStart().Length;
        var compiled = source[(begin + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).ToArray();

        readmeBlock.Should().Equal(compiled, "README.md's API block must be the code ReadmeApiExample.cs compiles and runs (copy one to the other)");
    }

    [Fact]
    public async Task RunAsync_OnTheAllInOneSample_PlansAndAppliesWithTheDryRunExecutor()
    {
        var config = Path.Combine(_dir, "all-in-one");
        DirectoryTrees.Copy(RepositoryPaths.InRepo("samples", "all-in-one"), config);
        File.Copy(RepositoryPaths.InRepo("tests", "Kolla.Core.Tests", "Golden", "genconfig", "passwords.yml"), Path.Combine(config, "passwords.yml"));
        var events = new List<DeployEvent>();

        var (plan, changes, result) = await ReadmeApiExample.RunAsync(config, Path.Combine(config, "inventory"), new Progress(events));

        plan.Hosts.Should().ContainSingle().Which.Containers.Should().NotBeEmpty();
        changes.Should().ContainSingle().Which.Changes.Should().NotBeEmpty();
        result.Succeeded.Should().BeTrue(result.Hosts.Single().Error);
        result.Hosts.Single().Changed.Should().BePositive();
        events.Should().NotBeEmpty();
    }

    /// <summary>Collects events synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Progress(List<DeployEvent> events) : IProgress<DeployEvent>
    {
        public void Report(DeployEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
