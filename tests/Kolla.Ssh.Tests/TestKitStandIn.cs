// STAND-IN: replaced by tests/Kolla.TestKit at merge
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Kolla.TestKit;

/// <summary>Runs external programs for the fixtures.</summary>
internal static class StandInProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    public static async Task<string> RunCheckedAsync(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var list = arguments.ToList();
        var (exit, output, error) = await RunAsync(fileName, list, environment, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', list)} exited {exit}: {error}{output}");
        }

        return output;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewId() => RandomNumberGenerator.GetHexString(8, lowercase: true);

    public static string? Missing(params string[] programs) =>
        programs.FirstOrDefault(p => !File.Exists(p)) is { } missing ? $"{missing} is not installed" : null;

    /// <summary>Ends a process we started: SIGTERM, then SIGKILL on the tree after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            await RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var wait = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }
}

/// <summary>A private sshd on 127.0.0.1 at a free port with a fresh ed25519 host key and client key.</summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private readonly string? _dockerHost;
    private Process? _sshd;
    private readonly List<string> _log = [];

    public SshServerFixture()
        : this(dockerHost: null)
    {
    }

    /// <param name="dockerHost">When set, sessions get <c>DOCKER_HOST</c> (sshd <c>SetEnv</c>).</param>
    public SshServerFixture(string? dockerHost)
    {
        _dockerHost = dockerHost;
        Directory = Path.Combine(Path.GetTempPath(), "kt-ssh-" + StandInProcess.NewId());
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public string User => "root";

    public string Directory { get; }

    public string ClientKeyPath => Path.Combine(Directory, "client_ed25519");

    public string HostKeyPath => Path.Combine(Directory, "host_ed25519");

    /// <summary>The host's public key line: <c>ssh-ed25519 AAAA…</c>.</summary>
    public string HostPublicKey { get; private set; } = "";

    /// <summary>A known_hosts line for this server: <c>[127.0.0.1]:port ssh-ed25519 AAAA…</c>.</summary>
    public string KnownHostsLine => $"[{Host}]:{Port} {HostPublicKey}";

    /// <summary>Why the fixture could not start, or null.</summary>
    public string? UnavailableReason { get; private set; }

    public int ProcessId => _sshd?.Id ?? 0;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = StandInProcess.Missing("/usr/sbin/sshd", "/usr/bin/ssh-keygen");
        if (UnavailableReason is not null)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        await StandInProcess.RunCheckedAsync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "kt-host", "-f", HostKeyPath]);
        await StandInProcess.RunCheckedAsync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "kt-client", "-f", ClientKeyPath]);
        var hostPublic = (await File.ReadAllTextAsync(HostKeyPath + ".pub")).Trim().Split(' ');
        HostPublicKey = hostPublic[0] + " " + hostPublic[1];
        File.Copy(ClientKeyPath + ".pub", Path.Combine(Directory, "authorized_keys"));

        System.IO.Directory.CreateDirectory("/run/sshd");
        Port = StandInProcess.FreePort();
        var config = new List<string>
        {
            "ListenAddress 127.0.0.1",
            $"Port {Port}",
            $"HostKey {HostKeyPath}",
            $"PidFile {Path.Combine(Directory, "sshd.pid")}",
            $"AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}",
            "PermitRootLogin yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            "MaxStartups 100",
            "Subsystem sftp /usr/lib/openssh/sftp-server",
        };
        if (_dockerHost is not null)
        {
            config.Add($"SetEnv DOCKER_HOST={_dockerHost}");
        }

        var configPath = Path.Combine(Directory, "sshd_config");
        await File.WriteAllLinesAsync(configPath, config);

        var info = new ProcessStartInfo("/usr/sbin/sshd") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", configPath })
        {
            info.ArgumentList.Add(argument);
        }

        _sshd = Process.Start(info)!;
        _sshd.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_log)
                {
                    _log.Add(e.Data);
                }
            }
        };
        _sshd.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_sshd.HasExited)
            {
                throw new InvalidOperationException("sshd exited: " + string.Join('\n', Log));
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Process ids of the per-connection sshd processes (children of the listener we started).</summary>
    public async Task<IReadOnlyList<int>> SessionProcessIdsAsync()
    {
        if (_sshd is null)
        {
            return [];
        }

        var (_, output, _) = await StandInProcess.RunAsync("pgrep", ["-P", _sshd.Id.ToString(CultureInfo.InvariantCulture)]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Kills every session of this sshd (the listener keeps running), as a dropped connection would.</summary>
    public async Task<int> KillSessionsAsync()
    {
        var ids = await SessionProcessIdsAsync();
        foreach (var id in ids)
        {
            try
            {
                Process.GetProcessById(id).Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        return ids.Count;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sshd is not null)
        {
            await StandInProcess.StopAsync(_sshd, TimeSpan.FromSeconds(5));
            if (!_sshd.HasExited)
            {
                _sshd.Kill(entireProcessTree: true);
            }

            _sshd.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A private dockerd (vfs, no bridge, no iptables) with the busybox test image built from scratch.</summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    private Process? _dockerd;

    public DockerEngineFixture()
    {
        RunId = StandInProcess.NewId();
        Directory = Path.Combine(Path.GetTempPath(), "kt-ssh-" + RunId);
    }

    public string RunId { get; }

    public string Directory { get; }

    public string SocketPath => Path.Combine(Directory, "docker.sock");

    public string DockerHost => "unix://" + SocketPath;

    public string TestImage => "kolla-test/busybox:latest";

    public string? UnavailableReason { get; private set; }

    public string NameFor(string name) => $"kt-{RunId}-{name}";

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = StandInProcess.Missing("/usr/sbin/dockerd", "/bin/busybox")
            ?? (File.Exists("/usr/local/bin/docker") || File.Exists("/usr/bin/docker") ? null : "docker CLI is not installed");
        if (UnavailableReason is not null)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var info = new ProcessStartInfo("/usr/sbin/dockerd")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--host", DockerHost, "--data-root", Path.Combine(Directory, "data"), "--exec-root", Path.Combine(Directory, "exec"),
            "--pidfile", Path.Combine(Directory, "docker.pid"), "--storage-driver", "vfs", "--iptables=false", "--ip6tables=false",
            "--bridge=none", "--log-level", "warn",
        })
        {
            info.ArgumentList.Add(argument);
        }

        _dockerd = Process.Start(info)!;
        _dockerd.ErrorDataReceived += (_, _) => { };
        _dockerd.OutputDataReceived += (_, _) => { };
        _dockerd.BeginErrorReadLine();
        _dockerd.BeginOutputReadLine();

        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = DockerHost, ["DOCKER_BUILDKIT"] = "0" };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await StandInProcess.RunAsync("docker", ["version"], environment)).ExitCode != 0)
        {
            if (_dockerd.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("private dockerd did not start");
            }

            await Task.Delay(200);
        }

        var context = Path.Combine(Directory, "image");
        System.IO.Directory.CreateDirectory(context);
        File.Copy("/bin/busybox", Path.Combine(context, "busybox"));
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"),
            "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\",\"--install\",\"-s\",\"/bin\"]\n");
        await StandInProcess.RunCheckedAsync("docker", ["build", "-q", "-t", TestImage, context], environment);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dockerd is null)
        {
            return;
        }

        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = DockerHost };
        var ids = (await StandInProcess.RunAsync("docker", ["ps", "-aq"], environment)).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0)
        {
            await StandInProcess.RunAsync("docker", ["rm", "-f", .. ids], environment);
        }

        await StandInProcess.StopAsync(_dockerd, TimeSpan.FromSeconds(20));
        _dockerd.Dispose();
        await StandInProcess.RunAsync("rm", ["-rf", Directory]);
    }
}
