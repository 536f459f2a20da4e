using System.Security.Cryptography;
using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>
/// A throw-away login user whose shell logs every command sshd runs through it (exec requests, and subsystems other
/// than <c>internal-sftp</c>), one line each, then runs it with <c>/bin/sh</c>; in the engine socket's group.
/// </summary>
internal sealed class LoggingLoginUser : IAsyncDisposable
{
    private readonly string _socket;
    private readonly string _socketMode;

    private LoggingLoginUser(string name, string directory, string socket, string socketMode)
    {
        Name = name;
        Directory = directory;
        _socket = socket;
        _socketMode = socketMode;
    }

    public string Name { get; }

    /// <summary>The user's own directory (its shell, the log; its home with podman).</summary>
    public string Directory { get; }

    public string LogPath => Path.Combine(Directory, "shell.log");

    /// <summary>Creates the user (needs root and useradd); <paramref name="podman"/> gives it a home and opens the root-only socket.</summary>
    public static async Task<LoggingLoginUser> CreateAsync(string socket, bool podman, CancellationToken cancellationToken)
    {
        if (!TestRig.IsRoot || !File.Exists("/usr/sbin/useradd"))
        {
            throw TestRig.Unavailable($"The login-count tests create a user (root and useradd, package passwd); {TestRig.InstallHint}.");
        }

        var socketGroup = (await RunAsync(cancellationToken, "stat", "-c", "%G", socket)).Trim();
        var socketMode = (await RunAsync(cancellationToken, "stat", "-c", "%a", socket)).Trim();
        var name = "kt" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var directory = Path.Combine(Path.GetTempPath(), "kt-shell-" + name);
        var user = new LoggingLoginUser(name, directory, socket, socketMode);
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(user.LogPath, "", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "shell"),
            "#!/bin/sh\n"
            + "# Login shell of the test user: one log line per command sshd runs through it.\n"
            + $"printf '%s\\n' \"$*\" | tr '\\n' ' ' >>{user.LogPath}; echo >>{user.LogPath}\n"
            + "exec /bin/sh \"$@\"\n", cancellationToken);
        await RunAsync(cancellationToken, "chmod", "755", directory, Path.Combine(directory, "shell"));
        await RunAsync(cancellationToken, "chmod", "666", user.LogPath);
        // The podman CLI wants a home directory even as a remote client; its socket is root's only (mode 600).
        await RunAsync(cancellationToken, "useradd", "-M", "-d", podman ? directory : "/nonexistent", "-s", Path.Combine(directory, "shell"), "-G", socketGroup, "-p", "*", name);
        if (podman)
        {
            await RunAsync(cancellationToken, "chown", $"{name}:", directory);
            await RunAsync(cancellationToken, "chmod", "666", socket);
        }

        return user;
    }

    /// <summary>Empties the log.</summary>
    public Task ClearAsync(CancellationToken cancellationToken) => File.WriteAllTextAsync(LogPath, "", cancellationToken);

    /// <summary>The commands logged since the last <see cref="ClearAsync"/>.</summary>
    public Task<string[]> LoginsAsync(CancellationToken cancellationToken) => File.ReadAllLinesAsync(LogPath, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await RunAsync(CancellationToken.None, "chmod", _socketMode, _socket);

        // userdel refuses while the user's sshd sessions are still closing: retry for a while.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await ExternalCommand.RunAsync("userdel", [Name])).Succeeded)
            {
                break;
            }

            await Task.Delay(200);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static async Task<string> RunAsync(CancellationToken cancellationToken, string program, params string[] arguments) =>
        (await ExternalCommand.RunAsync(program, arguments, cancellationToken: cancellationToken)).EnsureSuccess().StandardOutput;
}
