using System.Security.Cryptography;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>A local user for a test (login through the TestKit sshd), with a password and optionally a sudoers entry; removed on dispose.</summary>
internal sealed class TestUser : IAsyncDisposable
{
    private TestUser(string name, string password, string? sudoers)
    {
        Name = name;
        Password = password;
        SudoersFile = sudoers;
    }

    public string Name { get; }

    public string Password { get; }

    public string? SudoersFile { get; }

    /// <summary>Creates the user; <paramref name="sudoRule"/> (e.g. <c>ALL=(ALL) ALL</c>) goes to <c>/etc/sudoers.d</c> when given.</summary>
    public static async Task<TestUser> CreateAsync(string? sudoRule = null)
    {
        if (!File.Exists("/usr/bin/sudo") || !File.Exists("/usr/sbin/useradd") || !File.Exists("/usr/sbin/chpasswd"))
        {
            throw TestRig.Unavailable($"This test needs sudo, useradd and chpasswd (packages sudo, passwd); {TestRig.InstallHint}.");
        }

        var name = "kt" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var password = "pw-" + RandomNumberGenerator.GetHexString(12, lowercase: true);
        await TestShell.RunAsync("useradd", "-M", "-d", "/nonexistent", "-s", "/bin/sh", name);
        await ShellAsync($"echo '{name}:{password}' | chpasswd");
        string? sudoers = null;
        if (sudoRule is not null)
        {
            sudoers = "/etc/sudoers.d/" + name;
            await File.WriteAllTextAsync(sudoers, $"{name} {sudoRule}\n");
            await TestShell.RunAsync("chmod", "440", sudoers);
        }

        return new TestUser(name, password, sudoers);
    }

    public async ValueTask DisposeAsync()
    {
        if (SudoersFile is not null)
        {
            File.Delete(SudoersFile);
        }

        // userdel refuses while the user's sshd session is still closing: retry for a while.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await TestShell.RunAsync("userdel", Name);
                return;
            }
            catch (InvalidOperationException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    private static Task<string> ShellAsync(string script) => TestShell.RunAsync("sh", "-c", script);
}
