namespace Kolla.Hosts;

/// <summary>The outcome of a command run by <see cref="IHostCommands"/>.</summary>
/// <param name="ExitCode">Exit status; -1 when the command ended by a signal.</param>
/// <param name="Output">Standard output (UTF-8).</param>
/// <param name="Error">Standard error (UTF-8).</param>
public sealed record HostCommandResult(int ExitCode, string Output, string Error);
