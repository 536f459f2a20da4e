using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kolla.Tests;

/// <summary>Records log events (id and text) for assertions.</summary>
internal sealed class RecordingLogger : ILogger, ILoggerFactory
{
    private readonly ConcurrentQueue<(int Id, string Text)> _events = new();

    public IReadOnlyList<(int Id, string Text)> Events => [.. _events];

    public int Count(int eventId) => _events.Count(e => e.Id == eventId);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue((eventId.Id, formatter(state, exception)));

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
