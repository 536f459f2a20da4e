using System.Diagnostics;
using System.Net.Sockets;

namespace Kolla.Tests;

/// <summary>
/// A throwaway Docker engine in <c>/tmp/kt-docker-&lt;id&gt;</c> (vfs storage, no iptables, no bridge: Kolla uses host
/// networking), started as a child process and stopped by its PID. Never touches <c>/var/run/docker.sock</c>.
/// </summary>
internal sealed class PrivateDockerd : IAsyncDisposable
{
    private readonly Process _process;

    private PrivateDockerd(string directory, Process process)
    {
        Directory = directory;
        _process = process;
    }

    public string Directory { get; }

    public string SocketPath => Path.Combine(Directory, "docker.sock");

    public string DockerHost => $"unix://{SocketPath}";

    public int Pid => _process.Id;

    public static async Task<PrivateDockerd> StartAsync(string id, CancellationToken cancellationToken)
    {
        var dockerd = FindExecutable("dockerd")
            ?? throw new InvalidOperationException("dockerd not found: install docker.io (apt-get install docker.io) to run the Docker integration tests");
        var directory = $"/tmp/kt-docker-{id}";
        System.IO.Directory.CreateDirectory(directory);
        var arguments = string.Join(' ',
            $"--host unix://{directory}/docker.sock",
            $"--data-root {directory}/data",
            $"--exec-root {directory}/exec",
            $"--pidfile {directory}/docker.pid",
            "--storage-driver vfs --iptables=false --ip6tables=false --bridge=none");
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec {dockerd} {arguments} >{directory}/dockerd.log 2>&1"])
        {
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dockerd");
        var engine = new PrivateDockerd(directory, process);
        try
        {
            await engine.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }

        return engine;
    }

    /// <summary>Runs the docker CLI against this engine.</summary>
    public Task<(int ExitCode, string Output)> DockerAsync(string arguments, CancellationToken cancellationToken) =>
        RunDockerAsync(DockerHost, arguments, cancellationToken);

    public static async Task<(int ExitCode, string Output)> RunDockerAsync(string dockerHost, string arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"docker -H {dockerHost} {arguments} 2>&1"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        start.Environment["DOCKER_BUILDKIT"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run docker");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, output);
    }

    /// <summary>Kills the engine hard (SIGKILL), as a crash would, leaving its socket file behind.</summary>
    public void Crash()
    {
        Signal(_process.Id, "KILL");
        KillContainerd();
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(_process.Id, "TERM");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Signal(_process.Id, "KILL");
            }
        }

        KillContainerd();
        _process.Dispose();
        UnmountBelow(Directory);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a busy mount may remain; the directory name says what it was.
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dockerd exited with {_process.ExitCode}: {ReadLog()}");
            }

            if (File.Exists(SocketPath))
            {
                try
                {
                    using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
                    var (code, _) = await DockerAsync("version", cancellationToken);
                    if (code == 0)
                    {
                        return;
                    }
                }
                catch (SocketException)
                {
                    // Not listening yet.
                }
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"dockerd did not answer within {timeout}: {ReadLog()}");
    }

    private string ReadLog()
    {
        var log = Path.Combine(Directory, "dockerd.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
    }

    private void KillContainerd()
    {
        var pidFile = Path.Combine(Directory, "exec", "containerd", "containerd.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && IsRunning(pid, "containerd"))
        {
            Signal(pid, "KILL");
        }
    }

    private static bool IsRunning(int pid, string name)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == name;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    private static void UnmountBelow(string directory)
    {
        var mounts = File.ReadAllLines("/proc/self/mounts")
            .Select(line => line.Split(' ')[1].Replace("\\040", " ", StringComparison.Ordinal))
            .Where(point => point.StartsWith(directory + "/", StringComparison.Ordinal))
            .OrderByDescending(point => point.Length);
        foreach (var point in mounts)
        {
            using var umount = Process.Start(new ProcessStartInfo("umount", ["-l", point]) { UseShellExecute = false });
            umount?.WaitForExit();
        }
    }

    private static string? FindExecutable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':')
            .Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
