using Docker.DotNet;
using Kolla.Hosts;
using Microsoft.Extensions.Logging;

namespace Kolla.Docker;

/// <summary>Runs engine calls with bounded exponential backoff and turns failures into Kolla's exceptions.</summary>
internal sealed class DockerCallPolicy(string host, Uri endpoint, DockerRuntimeOptions options, ILogger logger, TimeProvider timeProvider)
{
    public string Host => host;

    public Uri Endpoint => endpoint;

    /// <summary>Runs <paramref name="call"/>, retrying transient failures.</summary>
    /// <param name="operation">What is done, for messages ("create", "start", ...).</param>
    /// <param name="subject">The container, image or volume it is about.</param>
    /// <param name="call">The call; gets the attempt number (1-based) and the token.</param>
    /// <param name="cancellationToken">Cancels the call and the waits between attempts.</param>
    public async Task<T> RunAsync<T>(string operation, string subject, Func<int, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not KollaException)
            {
                var kind = DockerErrors.Classify(exception, cancellationToken);
                if (kind == DockerErrorKind.Unknown)
                {
                    throw;
                }

                if (kind != DockerErrorKind.Permanent && attempt <= options.MaxRetries)
                {
                    var delay = Delay(attempt);
                    logger.Retrying(host, operation, subject, attempt, (long)delay.TotalMilliseconds, Describe(exception));
                    await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Translate(operation, subject, exception, kind);
            }
        }
    }

    public Task RunAsync(string operation, string subject, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, subject, async (_, ct) =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<T> RunAsync<T>(string operation, string subject, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(operation, subject, (_, ct) => call(ct), cancellationToken);

    public HostExecutionException Translate(string operation, string subject, Exception exception, DockerErrorKind kind) =>
        kind == DockerErrorKind.Transport
            ? new HostUnreachableException(host, $"Docker engine at {endpoint} is not reachable ({DockerErrors.TransportMessage(exception)}) while trying to {operation} {subject}", exception)
            : new ContainerOperationException(host, subject, $"{operation} failed: {Describe(exception)}", exception);

    public TimeSpan Delay(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        var delay = TimeSpan.FromTicks((long)(options.RetryInitialDelay.Ticks * factor));
        return delay > options.RetryMaxDelay ? options.RetryMaxDelay : delay;
    }

    private static string Describe(Exception exception) =>
        exception is DockerApiException api ? DockerErrors.Message(api) : DockerErrors.TransportMessage(exception);
}
