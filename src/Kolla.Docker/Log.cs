using Microsoft.Extensions.Logging;

namespace Kolla.Docker;

/// <summary>Log messages of Kolla.Docker (event ids 2000-2999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "{Host}: Docker engine endpoint {Endpoint}")]
    public static partial void Endpoint(this ILogger logger, string host, Uri endpoint);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "{Host}: {Operation} {Subject} failed transiently (attempt {Attempt}), retrying in {DelayMs} ms: {Error}")]
    public static partial void Retrying(this ILogger logger, string host, string operation, string subject, int attempt, long delayMs, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{Host}: listed {Count} containers in {ElapsedMs} ms")]
    public static partial void Listed(this ILogger logger, string host, int count, long elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "{Host}: created container {Name} ({Id})")]
    public static partial void Created(this ILogger logger, string host, string name, string id);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "{Host}: started container {Name}")]
    public static partial void Started(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "{Host}: stopped container {Name}")]
    public static partial void Stopped(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "{Host}: restarted container {Name}")]
    public static partial void Restarted(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "{Host}: removed container {Name}")]
    public static partial void Removed(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "{Host}: pulling image {Image}")]
    public static partial void Pulling(this ILogger logger, string host, string image);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "{Host}: volume {Name} ensured")]
    public static partial void VolumeEnsured(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "{Host}: volume {Name} removed")]
    public static partial void VolumeRemoved(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "{Host}: one-shot container {Name} exited with {ExitCode}")]
    public static partial void OneShotFinished(this ILogger logger, string host, string name, long exitCode);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "{Host}: removing leftover one-shot container {Name}")]
    public static partial void RemovingLeftover(this ILogger logger, string host, string name);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Debug, Message = "{Host}: exec in {Name} exited with {ExitCode}")]
    public static partial void Executed(this ILogger logger, string host, string name, long exitCode);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "{Host}: create of {Name} conflicted after a retry; the first attempt had created it ({Id})")]
    public static partial void CreateRecovered(this ILogger logger, string host, string name, string id);
}
