using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Limits;

/// <summary>
/// <c>kolla config merge -o</c> and <c>merge-yaml -o</c> over mutated sources (fixed seed): the output file is either the
/// complete result (what the same command prints without <c>-o</c>) or untouched, with nothing left beside it.
/// </summary>
public sealed class ConfigOutputFuzzTests : IDisposable
{
    private const int Cases = 300;
    private const string Before = "previous content\n";

    private static readonly string[] Sources =
    [
        "[DEFAULT]\ndebug = True\n[database]\nconnection = mysql+pymysql://nova@db/nova\n",
        "[libvirt]\nvirt_type = qemu\ncpu_mode = none\n  continued\n",
        "a: 1\nb:\n  c: [1, 2]\n  d: &d {e: f}\ng: *d\n",
        "list:\n- x\n- y\nmap: {k: v}\n",
    ];

    private static readonly string[] Tokens = ["[", "]", "=", ":", "\n", "\n  ", "- ", "&a ", "*a", "{", "}", "#", "\"", "\u00ff", "\t", "[x]\n", "k = v\n", "\0"];

    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("merge", 1717)]
    [InlineData("merge-yaml", 1718)]
    public async Task Output_MutatedSources_IsCompleteOrUntouched(string verb, int seed)
    {
        var random = new Random(seed);
        var target = Path.Combine(_dir, "out");
        var (succeeded, failed) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var a = await WriteAsync("a", Mutate(random));
            var b = await WriteAsync("b", Mutate(random));
            await File.WriteAllTextAsync(target, Before, TestContext.Current.CancellationToken);

            var printed = await CliRun.RunAsync("config", verb, a, b);
            var written = await CliRun.RunAsync("config", verb, "-o", target, a, b);

            written.Code.Should().Be(printed.Code, $"case {i}: with or without -o, the same sources give the same outcome ({written.Error})");
            var content = await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken);
            if (written.Code == 0)
            {
                content.Should().Be(printed.Out, $"case {i}: a successful merge writes the whole result");
                succeeded++;
            }
            else
            {
                content.Should().Be(Before, $"case {i}: a failed merge leaves the file as it was ({written.Error})");
                written.Error.TrimEnd('\n').Should().NotContain("\n", $"case {i}: the error is one line");
                failed++;
            }

            Directory.GetFiles(_dir).Select(Path.GetFileName).Should().BeEquivalentTo(["a", "b", "out"], $"case {i}: no temporary file is left behind");
        }

        succeeded.Should().BePositive();
        failed.Should().BePositive();
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    private static string Mutate(Random random)
    {
        var text = Sources[random.Next(Sources.Length)];
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(3) == 0 && text.Length > 0
                ? text.Remove(Math.Min(at, text.Length - 1), 1)
                : text.Insert(at, string.Concat(Enumerable.Repeat(Tokens[random.Next(Tokens.Length)], random.Next(10) == 0 ? random.Next(100, 2000) : 1)));
        }

        return text;
    }
}
