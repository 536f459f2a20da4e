using System.Diagnostics;
using System.Text;
using Kolla.Hosts;
using Kolla.Ssh;

namespace Kolla.Tests;

/// <summary>The batch write script, run by this machine's /bin/sh as the target's shell would run it.</summary>
public sealed class FileBatchScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string relative) => Path.Combine(_dir, relative);

    private static HostFileWrite Write(string path, string content, string mode) =>
        new(path, Encoding.UTF8.GetBytes(content), new HostFileMode(Convert.ToInt32(mode, 8)));

    /// <summary>Runs the batch's script with its input, or only the first <paramref name="inputBytes"/> bytes of it (input cut short).</summary>
    private static async Task<(int Code, string Error)> RunAsync(HostFileBatch batch, int? inputBytes = null)
    {
        var (script, input) = FileBatchScript.Build(batch);
        input = inputBytes is { } cut ? input[..cut] : input;
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    private string[] Leftovers() => [.. Directory.EnumerateFiles(_dir, "*.kolla-*", SearchOption.AllDirectories)];

    [Fact]
    public async Task Batch_CreatesDirectories_WritesEveryFileWithItsMode_AndDeletes()
    {
        await File.WriteAllTextAsync(P("old.conf"), "stale", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(P("replaced.conf"), "before", TestContext.Current.CancellationToken);
        var batch = new HostFileBatch(
            [new HostDirectory(P("svc"), HostFileMode.ConfigDirectory)],
            [
                Write(P("svc/svc.conf"), "[DEFAULT]\ndebug = True\n", "660"),
                Write(P("svc/sub dir/start.sh"), "#!/bin/sh\necho 'hi'\n", "755"),
                Write(P("svc/it's secret"), "s3cr3t", "600"),
                Write(P(".state/svc/abc123"), "", "600"),
                Write(P("replaced.conf"), "after", "644"),
            ],
            [P("old.conf"), P("never-existed")]);

        var (code, error) = await RunAsync(batch);

        code.Should().Be(0, error);
        (await File.ReadAllTextAsync(P("svc/svc.conf"), TestContext.Current.CancellationToken)).Should().Be("[DEFAULT]\ndebug = True\n");
        (await File.ReadAllTextAsync(P("svc/sub dir/start.sh"), TestContext.Current.CancellationToken)).Should().Be("#!/bin/sh\necho 'hi'\n");
        (await File.ReadAllTextAsync(P("svc/it's secret"), TestContext.Current.CancellationToken)).Should().Be("s3cr3t");
        new FileInfo(P(".state/svc/abc123")).Length.Should().Be(0);
        (await File.ReadAllTextAsync(P("replaced.conf"), TestContext.Current.CancellationToken)).Should().Be("after");
        (await TestShell.StatAsync("%a", P("svc"))).Should().Be("770");
        (await TestShell.StatAsync("%a", P("svc/svc.conf"))).Should().Be("660");
        (await TestShell.StatAsync("%a", P("svc/sub dir/start.sh"))).Should().Be("755");
        (await TestShell.StatAsync("%a", P("svc/it's secret"))).Should().Be("600");
        (await TestShell.StatAsync("%a", P(".state/svc/abc123"))).Should().Be("600");
        (await TestShell.StatAsync("%a", P("replaced.conf"))).Should().Be("644");
        File.Exists(P("old.conf")).Should().BeFalse();
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public async Task Batch_StopsAtTheFirstFailure_LeavingWrittenFilesWholeAndNoTemporaryFile()
    {
        await File.WriteAllTextAsync(P("blocker"), "a file where a directory is needed", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(P("last.conf"), "old", TestContext.Current.CancellationToken);
        var batch = new HostFileBatch(
            [],
            [Write(P("first.conf"), "first", "660"), Write(P("blocker/inside.conf"), "x", "660"), Write(P("last.conf"), "new", "660")],
            []);

        var (code, error) = await RunAsync(batch);

        code.Should().NotBe(0);
        error.Should().Contain("blocker");
        (await File.ReadAllTextAsync(P("first.conf"), TestContext.Current.CancellationToken)).Should().Be("first");
        (await File.ReadAllTextAsync(P("last.conf"), TestContext.Current.CancellationToken)).Should().Be("old", "the script stopped before it");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void Script_UsesUmaskForPlainModes_AndChmodOnlyWhereNeeded()
    {
        var (script, input) = FileBatchScript.Build(new HostFileBatch([], [Write("/etc/kolla/a/a.conf", "abc", "640"), Write("/etc/kolla/a/run.sh", "de", "750")], []));

        script.Should().Contain("umask 137; head -c 3 > \"$t\"; IFS= read -r e; [ \"$e\" = kolla-end-of-file ]; mv -f -- \"$t\" /etc/kolla/a/a.conf;")
            .And.Contain("umask 077; head -c 2 > \"$t\"; IFS= read -r e; [ \"$e\" = kolla-end-of-file ]; chmod -- 750 \"$t\"; mv -f -- \"$t\" /etc/kolla/a/run.sh;");
        Encoding.UTF8.GetString(input.Span).Should().Be("abckolla-end-of-file\ndekolla-end-of-file\n");
    }

    [Theory]
    [InlineData(4, "cut inside the second file's content")]
    [InlineData(10, "cut after the second file's content, before its end line")]
    [InlineData(20, "cut inside the second file's end line")]
    public async Task Batch_InputEndsEarly_RenamesNoFileCutShort_AndLeavesNoTemporaryFile(int inputBytes, string because)
    {
        await File.WriteAllTextAsync(P("second.conf"), "old", TestContext.Current.CancellationToken);
        var batch = new HostFileBatch([], [Write(P("first.conf"), "first", "640"), Write(P("second.conf"), "0123456789", "640"), Write(P("third.conf"), "3", "640")], []);

        var (code, _) = await RunAsync(batch, inputBytes + "firstkolla-end-of-file\n".Length);

        code.Should().NotBe(0, because);
        (await File.ReadAllTextAsync(P("first.conf"), TestContext.Current.CancellationToken)).Should().Be("first", "it arrived whole before the cut");
        (await File.ReadAllTextAsync(P("second.conf"), TestContext.Current.CancellationToken)).Should().Be("old", because);
        File.Exists(P("third.conf")).Should().BeFalse();
        Leftovers().Should().BeEmpty();
    }
}
