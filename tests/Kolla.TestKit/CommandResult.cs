namespace Kolla.TestKit;

/// <summary>The outcome of an external command run by <see cref="ExternalCommand"/>.</summary>
/// <param name="CommandLine">The command as run, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Gets whether the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws when the command did not exit with 0.</summary>
    /// <returns>This result, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The exit code was not 0.</exception>
    public CommandResult EnsureSuccess() =>
        Succeeded
            ? this
            : throw new InvalidOperationException(
                $"`{CommandLine}` exited with {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}".TrimEnd());
}
