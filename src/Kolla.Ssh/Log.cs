using Microsoft.Extensions.Logging;

namespace Kolla.Ssh;

/// <summary>Log messages of Kolla.Ssh (event ids 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "{Host}: connected to {Address}:{Port} as {User}")]
    public static partial void Connected(this ILogger logger, string host, string address, int port, string user);

    [LoggerMessage(3001, LogLevel.Warning, "{Host}: trusting unknown host key: {Detail}")]
    public static partial void AcceptedUnknownHostKey(this ILogger logger, string host, string detail);

    [LoggerMessage(3002, LogLevel.Information, "{Host}: added host key for {Name} to {File}")]
    public static partial void AddedHostKey(this ILogger logger, string host, string name, string file);

    [LoggerMessage(3003, LogLevel.Debug, "{Address}: started '{Command}' for a Docker API connection")]
    public static partial void DialStdioStarted(this ILogger logger, string address, string command);

    [LoggerMessage(3004, LogLevel.Debug, "{Host}: {Command}")]
    public static partial void RunningCommand(this ILogger logger, string host, string command);

    [LoggerMessage(3005, LogLevel.Warning, "{Host}: connection lost: {Reason}")]
    public static partial void ConnectionLost(this ILogger logger, string host, string reason);

    [LoggerMessage(3006, LogLevel.Debug, "{Host}: wrote {Path} ({Bytes} bytes)")]
    public static partial void WroteFile(this ILogger logger, string host, string path, int bytes);

    [LoggerMessage(3007, LogLevel.Warning, "{Warning}")]
    public static partial void KnownHostsWarning(this ILogger logger, string warning);

    [LoggerMessage(3008, LogLevel.Information, "{Host}: no SFTP on the server ({Reason}); files go through shell commands")]
    public static partial void SftpUnavailable(this ILogger logger, string host, string reason);

    [LoggerMessage(3009, LogLevel.Debug, "{Host}: writing {Path} over SFTP failed ({Reason}); trying a shell command, which says why")]
    public static partial void SftpWriteFailed(this ILogger logger, string host, string path, string reason);

    [LoggerMessage(3010, LogLevel.Warning, "{Host}: ssh-agent not used: {Reason}")]
    public static partial void AgentUnavailable(this ILogger logger, string host, string reason);

    [LoggerMessage(3011, LogLevel.Warning, "{Warning}")]
    public static partial void SshConfigWarning(this ILogger logger, string warning);

    [LoggerMessage(3012, LogLevel.Information, "{Host}: connecting through jump host {Jump} ({Address}:{Port})")]
    public static partial void Jumping(this ILogger logger, string host, string jump, string address, int port);

    [LoggerMessage(3013, LogLevel.Debug, "{Address}: Docker API connections go through sshd's channel to {Socket} (no remote process)")]
    public static partial void SocketChannelOpened(this ILogger logger, string address, string socket);

    [LoggerMessage(3014, LogLevel.Warning, "{Address}: {Reason}; Docker API connections run 'docker system dial-stdio' instead")]
    public static partial void SocketChannelRefused(this ILogger logger, string address, string reason);

    [LoggerMessage(3015, LogLevel.Debug, "{Host}: read the file state below {Directory} over SFTP ({Files} files)")]
    public static partial void TreeReadOverSftp(this ILogger logger, string host, string directory, int files);

    [LoggerMessage(3016, LogLevel.Debug, "{Host}: the file state below {Directory} needs the shell read: {Reason}")]
    public static partial void TreeReadNeedsShell(this ILogger logger, string host, string directory, string reason);
}
