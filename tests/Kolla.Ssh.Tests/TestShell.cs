using System.Diagnostics;

namespace Kolla.Tests;

/// <summary>Runs local programs in tests (the sshd under test runs on this machine, so its files can be checked locally).</summary>
internal static class TestShell
{
    public static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return (await output).Trim();
    }

    /// <summary><c>stat -c FORMAT path</c>.</summary>
    public static Task<string> StatAsync(string format, string path) => RunAsync("stat", "-c", format, path);
}
