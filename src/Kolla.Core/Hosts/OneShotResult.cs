namespace Kolla.Hosts;

/// <summary>The outcome of a one-shot container or an exec.</summary>
/// <param name="ExitCode">Process exit code.</param>
/// <param name="Output">Combined output (the tail for long runs).</param>
public sealed record OneShotResult(long ExitCode, string Output)
{
    /// <summary>True when the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
