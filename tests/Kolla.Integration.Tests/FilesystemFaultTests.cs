using System.Text.RegularExpressions;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// The node config directory on a small tmpfs of the test's own that is full, or read-only, reached locally, over SFTP and
/// over SSH commands: the first deploy fails with one error line naming the file or directory, leaves no file cut short
/// and no temporary file, and the rerun once the filesystem is usable again converges. The tmpfs is always unmounted.
/// </summary>
public sealed class FilesystemFaultTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    private const string Filler = "filler";

    [Theory]
    [InlineData(Transport.Local)]
    [InlineData(Transport.Sftp)]
    [InlineData(Transport.SshCommands)]
    public async Task Deploy_NodeConfigDirectoryFull_FailsNamingTheFile_AndConvergesOnceThereIsRoom(Transport transport)
    {
        await using var host = await TargetAsync(transport);
        var node = host.Deployment.NodeDirectory("node1");
        await MountTmpfsAsync(node);
        try
        {
            // The filler grows until the tmpfs has no page left.
            var filler = Path.Combine(node, Filler);
            (await ExternalCommand.RunAsync("sh", ["-c", $"dd if=/dev/zero of={filler} bs=4096 2>/dev/null; [ -s {filler} ]"], cancellationToken: Token)).EnsureSuccess();

            var (code, output, error) = await KollaCli.RunAsync(host.Arguments, Token);

            code.Should().Be(1, output);
            var file = $"{Regex.Escape(Path.Combine(node, "ktdb"))}/(config\\.json|ktdb\\.cnf)";
            error.Should().MatchRegex(transport switch
            {
                Transport.Local => $"^error: node1: cannot write {file}: No space left on device\n$",
                Transport.Sftp => $"^error: node1: writing {file} failed: head: write error: No space left on device\n$",
                _ => $"^error: node1: writing 2 files \\({file}, \\.\\.\\.\\) failed: head: write error: No space left on device\n$",
            });
            await WholeFiles.ShouldBeWholeAsync(host.Deployment, await host.Deployment.PlanAsync(Token), Token, ignored: Filler);
            (await ContainersAsync(host.Deployment)).Should().BeEmpty();

            File.Delete(filler);
            await host.ShouldConvergeAsync();
        }
        finally
        {
            await UnmountAsync(node);
        }
    }

    [Theory]
    [InlineData(Transport.Local)]
    [InlineData(Transport.Sftp)]
    [InlineData(Transport.SshCommands)]
    public async Task Deploy_NodeConfigDirectoryReadOnly_FailsNamingTheDirectory_AndConvergesOnceWritable(Transport transport)
    {
        await using var host = await TargetAsync(transport);
        var node = host.Deployment.NodeDirectory("node1");
        await MountTmpfsAsync(node);
        try
        {
            (await ExternalCommand.RunAsync("mount", ["-o", "remount,ro", node], cancellationToken: Token)).EnsureSuccess();

            var (code, output, error) = await KollaCli.RunAsync(host.Arguments, Token);

            code.Should().Be(1, output);
            var directory = Path.Combine(node, "ktdb");
            error.Should().MatchRegex(transport switch
            {
                Transport.Local => $"^error: node1: cannot create directory {Regex.Escape(directory)}: Read-only file system\n$",
                Transport.Sftp => $"^error: node1: creating {Regex.Escape(directory)} failed: mkdir: cannot create directory '{Regex.Escape(directory)}': Read-only file system\n$",
                _ => $"^error: node1: writing 2 files \\(.*\\) failed: mkdir: cannot create directory '{Regex.Escape(directory)}': Read-only file system\n$",
            });
            Directory.EnumerateFileSystemEntries(node).Should().BeEmpty("nothing could be written");
            (await ContainersAsync(host.Deployment)).Should().BeEmpty();

            (await ExternalCommand.RunAsync("mount", ["-o", "remount,rw", node], cancellationToken: Token)).EnsureSuccess();
            await host.ShouldConvergeAsync();
        }
        finally
        {
            await UnmountAsync(node);
        }
    }

    public enum Transport
    {
        /// <summary>ansible_connection=local: this process writes the files.</summary>
        Local,

        /// <summary>SSH with SFTP: files are written through SFTP.</summary>
        Sftp,

        /// <summary>SSH without SFTP: files are written by a shell command (the become path's way).</summary>
        SshCommands,
    }

    private async Task<Target> TargetAsync(Transport transport)
    {
        if (transport == Transport.Local)
        {
            var local = NewDeployment();
            return new Target(local, null, local.CliArguments("deploy", "--settle", "1"), Token);
        }

        var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost, WithoutSftp = transport == Transport.SshCommands }, Token);
        var deployment = NewDeployment(Engine.DockerHost, ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user=root"));
        return new Target(deployment, server, deployment.CliArguments("deploy", "--settle", "1", "--private-key", server.ClientKeyPath, "--known-hosts", server.KnownHostsPath), Token);
    }

    private async Task MountTmpfsAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        (await ExternalCommand.RunAsync("mount", ["-t", "tmpfs", "-o", "size=256k,mode=0755", "kt-fault", directory], cancellationToken: Token)).EnsureSuccess();
    }

    private static async Task UnmountAsync(string directory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (await ExternalCommand.RunAsync("umount", [directory], cancellationToken: timeout.Token)).EnsureSuccess();
    }

    /// <summary>A deployment with its one host reached one way, the deploy command line for it, and its sshd if any.</summary>
    private sealed record Target(TestDeployment Deployment, SshServer? Server, string[] Arguments, CancellationToken Token) : IAsyncDisposable
    {
        /// <summary>Deploys through the CLI: it succeeds, leaves every file whole, and a second deploy changes nothing.</summary>
        public async Task ShouldConvergeAsync()
        {
            var rerun = await KollaCli.RunAsync(Arguments, Token);
            rerun.Code.Should().Be(0, rerun.Out + rerun.Error);
            await WholeFiles.ShouldBeWholeAsync(Deployment, await Deployment.PlanAsync(Token), Token);
            var again = await KollaCli.RunAsync(Arguments, Token);
            again.Code.Should().Be(0, again.Out + again.Error);
            again.Out.Should().Contain("changed=0");
        }

        public async ValueTask DisposeAsync()
        {
            if (Server is not null)
            {
                await Server.DisposeAsync();
            }
        }
    }
}
