using System.Diagnostics;
using Kolla.Facts;
using Kolla.Ssh;

namespace Kolla.Tests;

/// <summary>The connect-time command, run by this machine's own shells (the remote end is any POSIX login shell).</summary>
public sealed class LoginReadAheadTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "kt-login-" + Guid.NewGuid().ToString("N")[..8]);

    public LoginReadAheadTests() => Directory.CreateDirectory(_home);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData("sh")]
    [InlineData("bash")]
    public async Task Endpoint_DockerHost_IsReported(string shell)
    {
        var ahead = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;

        await RunAsync(shell, ahead, "done\n", ("DOCKER_HOST", "unix:///run/kt docker.sock"));

        (await ahead.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().Be("unix:///run/kt docker.sock");
    }

    [Fact]
    public async Task Endpoint_NothingSet_IsTheDefaultSocket()
    {
        var ahead = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;

        await RunAsync("sh", ahead, "done\n");

        (await ahead.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().Be("unix:///var/run/docker.sock");
    }

    [Theory]
    [InlineData("{\n  \"auths\": {},\n  \"currentContext\": \"rootless\"\n}", null)]
    [InlineData("{\"auths\":{},\"currentContext\":\"remote\"}", null)]
    [InlineData("{\"currentContext\": \"\"}", "unix:///var/run/docker.sock")]
    [InlineData("{\"auths\": {}}", "unix:///var/run/docker.sock")]
    public async Task Endpoint_DockerContextInConfig_IsUnknown(string config, string? expected)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".docker"));
        await File.WriteAllTextAsync(Path.Combine(_home, ".docker", "config.json"), config, Token);
        var ahead = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;

        await RunAsync("sh", ahead, "done\n");

        (await ahead.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().Be(expected);
    }

    [Fact]
    public async Task Endpoint_DockerContextVariable_IsUnknown_DockerHostStillWins()
    {
        var context = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;
        var both = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;

        await RunAsync("sh", context, "done\n", ("DOCKER_CONTEXT", "other"));
        await RunAsync("sh", both, "done\n", ("DOCKER_CONTEXT", "other"), ("DOCKER_HOST", "unix:///x.sock"));

        (await context.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().BeNull();
        (await both.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().Be("unix:///x.sock");
    }

    [Fact]
    public async Task Endpoint_WithBecome_OnlyTheLoginUsersDockerHostCounts()
    {
        var unset = LoginReadAhead.For(null, new Become(true), withFacts: false, "exec cat", withEndpoint: true)!;
        var set = LoginReadAhead.For(null, new Become(true), withFacts: false, "exec cat", withEndpoint: true)!;

        await RunAsync("sh", unset, "done\n");
        await RunAsync("sh", set, "done\n", ("DOCKER_HOST", "unix:///y.sock"));

        (await unset.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().BeNull("root's docker CLI may use a context of its own");
        (await set.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().Be("unix:///y.sock");
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("bash")]
    public async Task Gate_Dial_HandsTheRestOfStdinToTheDialCommand_DoneEndsIt(string shell)
    {
        var dialled = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;
        var released = LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: true)!;

        var dial = await RunAsync(shell, dialled, "dial\nGET /_ping HTTP/1.1\r\n");
        var done = await RunAsync(shell, released, "done\nnot for cat\n");

        dial.Output.Should().Be("GET /_ping HTTP/1.1\r\n");
        done.Output.Should().BeEmpty();
        done.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task TreeAndFacts_AreReadOnce_ForTheirDirectory()
    {
        var dir = Path.Combine(_home, "node");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "a.conf"), "a", Token);
        var ahead = LoginReadAhead.For(dir + "/", Become.None, withFacts: true, "exec cat", withEndpoint: true)!;

        await RunAsync("sh", ahead, "done\n");

        var facts = await ahead.TakeFactsAsync(TimeSpan.FromSeconds(5), Token);
        RemoteFactsScript.Parse("local", facts!).Should().NotBeNull();
        (await ahead.TakeAsync("/elsewhere", TimeSpan.FromSeconds(5), Token)).Should().BeNull();
        TreeState.Parse(await ahead.TakeAsync(dir, TimeSpan.FromSeconds(5), Token)).Keys.Should().Equal(dir + "/a.conf");
        (await ahead.TakeAsync(dir, TimeSpan.FromSeconds(5), Token)).Should().BeNull("a second read must see what was written since");
        (await ahead.EndpointAsync(TimeSpan.FromSeconds(5), Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task FailedTreeScript_GivesNoResult()
    {
        var dir = Path.Combine(_home, "unreadable");
        Directory.CreateDirectory(dir);
        var ahead = LoginReadAhead.For(dir, new Become(true, "kt-no-such-user-" + Guid.NewGuid().ToString("N")[..6]), withFacts: false, null, withEndpoint: false)!;

        await RunAsync("sh", ahead, "");

        (await ahead.TakeAsync(dir, TimeSpan.FromSeconds(5), Token)).Should().BeNull("sudo fails, so the caller reads for itself and reports why");
    }

    [Fact]
    public void For_NothingToDo_IsNull()
    {
        LoginReadAhead.For(null, Become.None, withFacts: false, "exec cat", withEndpoint: false).Should().BeNull();
        LoginReadAhead.For("relative/dir", Become.None, withFacts: false, null, withEndpoint: true).Should().BeNull();
    }

    /// <summary>Runs the command as sshd would (<c>SHELL -c COMMAND</c>) with <paramref name="stdin"/>, feeds its stderr to the read-ahead.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string shell, LoginReadAhead ahead, string stdin, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(shell)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(ahead.Command);
        info.Environment.Remove("DOCKER_HOST");
        info.Environment.Remove("DOCKER_CONTEXT");
        info.Environment.Remove("DOCKER_CONFIG");
        info.Environment["HOME"] = _home;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var errors = new MemoryStream();
        var copy = process.StandardError.BaseStream.CopyToAsync(errors, Token);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(Token);
        await copy;
        errors.Position = 0;
        ahead.ReadFrom(errors);
        return (process.ExitCode, await output);
    }
}
