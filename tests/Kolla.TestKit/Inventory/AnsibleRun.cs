namespace Kolla.TestKit.Inventory;

/// <summary>One ansible-inventory invocation's outcome.</summary>
/// <param name="ExitCode">The exit code (0 on success).</param>
/// <param name="Stdout">What it printed.</param>
/// <param name="Stderr">Its warnings and errors.</param>
/// <param name="Error">The error it stopped with, or null.</param>
public sealed record AnsibleRun(int ExitCode, string Stdout, string Stderr, string? Error)
{
    /// <summary>True when it ran to the end and every inventory source parsed.</summary>
    public bool Succeeded => ExitCode == 0 && Error is null && !Stderr.Contains("Failed to parse", StringComparison.Ordinal)
        && !Stderr.Contains("Unable to parse", StringComparison.Ordinal);
}
