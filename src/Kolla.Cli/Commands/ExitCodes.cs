namespace Kolla.Cli.Commands;

/// <summary>The CLI's exit codes (documented in README and docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Something failed (bad input, unreachable host, failed container).</summary>
    public const int Failed = 1;

    /// <summary>Drift or pending changes found, where the command was asked to report them (<c>check</c>, <c>plan --detailed-exitcode</c>).</summary>
    public const int Changes = 2;
}
