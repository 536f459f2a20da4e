using System.Text;
using Kolla.Cli;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary><c>kolla config merge | merge-yaml | explain</c>, run in-process.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-cli-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await KollaApp.RunAsync(args, new CliConsole(stdout, stderr, IsInteractive: false), TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Vectors(string kind, string name) => RepositoryPaths.Vector(kind, name);

    [Fact]
    public async Task Merge_RealisticNovaLayers_PrintsKollaBytes()
    {
        var dir = Vectors("merge", "46-nova-layered-realistic");
        var sources = File.ReadAllLines(Path.Combine(dir, "sources")).Select(s => Path.Combine(dir, s)).ToArray();

        var (exit, stdout, stderr) = await RunAsync(["config", "merge", .. sources]);

        exit.Should().Be(0, stderr);
        stdout.Should().Be(File.ReadAllText(Path.Combine(dir, "expected.conf")));
        stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Merge_NoWhitespace_WritesKeyEqualsValue()
    {
        var a = Write("a.conf", "[DEFAULT]\nkey1 = b\n       c\n");

        var (exit, stdout, _) = await RunAsync("config", "merge", "--no-whitespace", a, Path.Combine(_dir.FullName, "missing.conf"));

        exit.Should().Be(0);
        stdout.Should().Be("[DEFAULT]\nkey1=b\n     c\n\n");
    }

    [Fact]
    public async Task Merge_OutputFile_IsWrittenAtomicallyAsUtf8()
    {
        var a = Write("a.conf", "[a]\nk = héllo\n");
        var target = Write("out.conf", "old content\n");

        var (exit, stdout, _) = await RunAsync("config", "merge", "-o", target, a);

        exit.Should().Be(0);
        stdout.Should().BeEmpty();
        File.ReadAllBytes(target).Should().Equal(Encoding.UTF8.GetBytes("[a]\nk = héllo\n\n"));
        _dir.GetFiles("*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task Merge_BadLine_PrintsFileLineMessageAndWritesNothing()
    {
        var good = Write("good.conf", "[a]\nk = v\n");
        var bad = Write("bad.conf", "[a]\nk = v\n  ok\n\n  orphan\n");
        var target = Write("out.conf", "old\n");

        var (exit, stdout, stderr) = await RunAsync("config", "merge", "-o", target, good, bad);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"{bad}:5: Unexpected continuation line: '  orphan'\n");
        File.ReadAllText(target).Should().Be("old\n");
        _dir.GetFiles("*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task Merge_DirectoryAsSource_FailsCleanly()
    {
        var (exit, _, stderr) = await RunAsync("config", "merge", _dir.FullName);

        exit.Should().Be(1);
        stderr.Should().Be($"{_dir.FullName}: is a directory, not a file\n");
    }

    [Fact]
    public async Task MergeYaml_ExtendLists_PrintsKollaBytes()
    {
        var dir = Vectors("yaml", "23-prometheus-realistic");

        var (exit, stdout, stderr) = await RunAsync("config", "merge-yaml", "--extend-lists", Path.Combine(dir, "1.yml"), Path.Combine(dir, "2.yml"));

        exit.Should().Be(0, stderr);
        stdout.Should().Be(File.ReadAllText(Path.Combine(dir, "expected.extend.yml")));
    }

    [Fact]
    public async Task MergeYaml_Width_ControlsFolding()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 30));
        var a = Write("a.yml", $"d: {words}\n");

        var (_, stdout, _) = await RunAsync("config", "merge-yaml", "--width", "131072", a);

        stdout.Should().Be($"d: {words}\n");
    }

    [Fact]
    public async Task MergeYaml_MappingOverScalar_NamesFileLineAndKey()
    {
        var a = Write("a.yml", "a: 5\n");
        var b = Write("b.yml", "a:\n  b: 1\n");
        var target = Path.Combine(_dir.FullName, "out.yml");

        var (exit, _, stderr) = await RunAsync("config", "merge-yaml", "-o", target, a, b);

        exit.Should().Be(1);
        stderr.Should().StartWith($"{b}:1: key 'a': ");
        stderr.Trim('\n').Should().NotContain("\n");
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public async Task Explain_Key_ShowsWinnerShadowedValuesAndSkippedSources()
    {
        var t = Write("nova.conf.j2", "[DEFAULT]\ndebug = False\n");
        var g = Write("global.conf", "[DEFAULT]\n\ndebug = True\n");
        var missing = Path.Combine(_dir.FullName, "nova.conf");
        var s = Write("nova-api.conf", "[DEFAULT]\ndebug = yes\ndebug = again\n");

        var (exit, stdout, stderr) = await RunAsync("config", "explain", t, g, missing, s, "--key", "DEFAULT.debug");

        exit.Should().Be(0, stderr);
        stdout.Should().Be(
            "[DEFAULT] debug\n" +
            $"  set by {s}:\n" +
            $"    {s}:2  debug = yes\n" +
            $"    {s}:3  debug = again\n" +
            "  shadows (most recent first):\n" +
            $"    {g}:3  debug = True\n" +
            $"    {t}:2  debug = False\n" +
            $"  sources: {t}, {g}, {s} (missing, skipped: {missing})\n");
    }

    [Fact]
    public async Task Explain_NoWhitespaceAndContinuation_FormatsLikeTheMergedFile()
    {
        var a = Write("a.conf", "[a]\nhosts = h1\n  h2\n");

        var (exit, stdout, _) = await RunAsync("config", "explain", "--no-whitespace", a, "-k", "a.hosts");

        exit.Should().Be(0);
        stdout.Should().Contain($"    {a}:2  hosts=h1\n    {new string(' ', a.Length + 2)}  {new string(' ', "hosts=".Length)}h2\n");
        stdout.Should().Contain("  shadows nothing");
    }

    [Fact]
    public async Task Explain_UnknownKey_ExitsOneWithAMessage()
    {
        var a = Write("a.conf", "[a]\nk = v\n");

        var (exit, stdout, stderr) = await RunAsync("config", "explain", a, "--key", "a.nope");

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be("a.nope: not set by any source\n");
    }

    [Fact]
    public async Task Explain_WithoutKey_IsAUsageError()
    {
        var a = Write("a.conf", "[a]\nk = v\n");

        var (exit, _, stderr) = await RunAsync("config", "explain", a);

        exit.Should().NotBe(0);
        stderr.Should().Contain("--key");
    }
}
