using System.Text.RegularExpressions;
using Kolla.TestKit;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Packaging;

/// <summary>
/// The NativeAOT binary against the managed CLI run in-process: the same arguments must print the same bytes (timings
/// aside). Trimming or AOT breaking a reflection path (templates, YAML, JSON events) shows up here as a difference or a
/// crash. Slow (a native publish): Integration.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class NativeCliTests(NativeCli native, SampleConfig sample) : IClassFixture<NativeCli>, IClassFixture<SampleConfig>
{
    [GeneratedRegex(@"(""elapsed_(?:ms|s)"":)[0-9.]+|(state read in )[0-9]+ ms|(elapsed: )[0-9.]+ s")]
    private static partial Regex Timings();

    private static string Normalise(string text) => Timings().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value + "T");

    public static TheoryData<string> Commands => new()
    {
        "plan",
        "deploy --json",
        "deploy",
        "genconfig",
        "check",
        "check --json",
        "destroy",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task SampleCommand_PrintsWhatTheManagedCliPrints(string command)
    {
        var args = sample.Args(command.Split(' '));

        var managed = await CliRun.RunAsync(args);
        var compiled = await native.RunAsync(args);

        compiled.Error.Should().Be(managed.Error);
        Normalise(compiled.Out).Should().Be(Normalise(managed.Out));
        compiled.Code.Should().Be(managed.Code);
        managed.Out.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("list")]
    [InlineData("graph")]
    [InlineData("host", "control01")]
    public async Task Inventory_PrintsWhatTheManagedCliPrints(params string[] verb)
    {
        string[] args = ["inventory", .. verb, "-i", RepositoryPaths.InRepo("samples", "multinode", "inventory")];

        var managed = await CliRun.RunAsync(args);
        var compiled = await native.RunAsync(args);

        (compiled.Code, compiled.Out, compiled.Error).Should().Be((managed.Code, managed.Out, managed.Error));
        managed.Code.Should().Be(0, managed.Error);
    }

    [Fact]
    public async Task BuildTemplateOnly_RendersTheSameContexts()
    {
        var root = Directory.CreateTempSubdirectory("kolla-native-build-").FullName;
        try
        {
            string[] Args(string dir) => ["build", "--template-only", "--work-dir", Path.Combine(root, dir), "--format", "json"];
            var managed = await CliRun.RunAsync(Args("managed"));
            var compiled = await native.RunAsync(Args("native"));

            (compiled.Code, compiled.Out, compiled.Error.Replace("/native", "/managed", StringComparison.Ordinal))
                .Should().Be((managed.Code, managed.Out, managed.Error));
            var files = Tree(Path.Combine(root, "managed"));
            files.Should().NotBeEmpty().And.Contain(f => f.Key.EndsWith("Dockerfile", StringComparison.Ordinal));
            Tree(Path.Combine(root, "native")).Should().Equal(files);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        static Dictionary<string, string> Tree(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".log", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);
    }
}
