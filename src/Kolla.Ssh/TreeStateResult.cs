using Kolla.Hosts;

namespace Kolla.Ssh;

/// <summary>What <see cref="SftpTreeState.ReadAsync"/> found: the files, or why only the shell read can answer.</summary>
/// <param name="Files">The state of every file, when SFTP could answer.</param>
/// <param name="ShellReason">Why the shell read is needed, when it could not.</param>
internal sealed record TreeStateResult(IReadOnlyDictionary<string, HostFileState>? Files, string? ShellReason)
{
    public static TreeStateResult Of(IReadOnlyDictionary<string, HostFileState> files) => new(files, null);

    public static TreeStateResult NeedsShell(string reason) => new(null, reason);
}
