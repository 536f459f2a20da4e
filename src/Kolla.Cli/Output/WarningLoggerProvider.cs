using Microsoft.Extensions.Logging;

namespace Kolla.Cli.Output;

/// <summary>
/// The SSH executor's warnings (a known_hosts or ssh config line ignored, sshd refusing the engine socket's channel) as
/// the CLI's other warnings: one <c>warning: MESSAGE</c> line on standard error each. Below <see cref="LogLevel.Warning"/>,
/// and from other categories (the engines' transient retries, which end in an error of their own when they fail),
/// nothing is written.
/// </summary>
/// <param name="error">Standard error.</param>
internal sealed class WarningLoggerProvider(TextWriter error) : ILoggerProvider
{
    private readonly Lock _gate = new();

    /// <summary>The category the SSH executor logs its warnings under.</summary>
    public const string SshCategory = "Kolla.Ssh";

    public ILogger CreateLogger(string categoryName) =>
        categoryName == SshCategory ? new WarningLogger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private void Write(string message)
    {
        lock (_gate)
        {
            error.WriteLine("warning: " + message);
        }
    }

    private sealed class WarningLogger(WarningLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(formatter(state, exception));
            }
        }
    }
}
