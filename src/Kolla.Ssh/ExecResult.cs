using System.Text;
using Kolla.Hosts;

namespace Kolla.Ssh;

/// <summary>The outcome of a remote command.</summary>
/// <param name="ExitCode">Exit status; -1 when the command ended by a signal.</param>
/// <param name="Output">Raw standard output.</param>
/// <param name="Error">Standard error text.</param>
/// <param name="Signal">Signal name when the command was killed.</param>
internal sealed record ExecResult(int ExitCode, byte[] Output, string Error, string? Signal = null)
{
    public string OutputText => Encoding.UTF8.GetString(Output);

    /// <summary>Throws <see cref="HostExecutionException"/> describing <paramref name="what"/> unless the exit code is 0.</summary>
    public ExecResult EnsureSuccess(string host, string what)
    {
        if (ExitCode == 0)
        {
            return this;
        }

        var detail = Error.Trim();
        if (detail.Length == 0)
        {
            detail = Signal is null ? $"exit status {ExitCode}" : $"killed by signal {Signal}";
        }
        else if (detail.Length > 800)
        {
            detail = detail[..800] + "…";
        }

        throw new HostExecutionException(host, $"{what} failed: {detail}");
    }
}
