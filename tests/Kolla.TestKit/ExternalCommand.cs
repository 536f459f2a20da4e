using System.Diagnostics;
using System.Text;

namespace Kolla.TestKit;

/// <summary>Runs an external program to completion and captures its output.</summary>
public static class ExternalCommand
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> (no shell involved).</summary>
    /// <param name="fileName">The program (looked up on PATH).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Extra environment variables (a null value removes the variable).</param>
    /// <param name="cancellationToken">Cancels the run; the process tree is killed.</param>
    /// <returns>The exit code and output.</returns>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var commandLine = new StringBuilder(fileName);
        foreach (var argument in info.ArgumentList)
        {
            commandLine.Append(' ').Append(argument.Contains(' ', StringComparison.Ordinal) ? $"'{argument}'" : argument);
        }

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return new CommandResult(commandLine.ToString(), process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw;
        }
    }

    /// <summary>Runs one of the rig's scripts in <c>tests/infra</c> with bash.</summary>
    /// <param name="script">The script's file name, e.g. <c>start-dockerd.sh</c>.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code and output.</returns>
    public static Task<CommandResult> RunInfraScriptAsync(
        string script,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default) =>
        RunAsync("bash", [Path.Combine(TestRig.InfraDirectory, script), .. arguments], environment, cancellationToken);
}
