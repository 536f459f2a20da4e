namespace Kolla.Cli;

/// <summary>The command line itself is wrong (an option value the CLI cannot use).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
