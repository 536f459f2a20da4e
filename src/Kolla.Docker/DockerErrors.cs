using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace Kolla.Docker;

/// <summary>How an engine call failed: worth retrying, the engine unreachable, or refused for good.</summary>
internal enum DockerErrorKind
{
    /// <summary>Not an engine or transport error: let it propagate (a bug, or cancellation).</summary>
    Unknown,

    /// <summary>The transport failed (refused, reset, closed, timed out): retry, then report the host unreachable.</summary>
    Transport,

    /// <summary>The engine answered with a server error that may pass: retry, then report the operation failed.</summary>
    TransientApi,

    /// <summary>The engine refused on purpose (4xx, conflicts, invalid requests): report at once.</summary>
    Permanent,
}

/// <summary>Classifies engine and transport errors and extracts the engine's message.</summary>
internal static class DockerErrors
{
    // 5xx bodies that describe a definite refusal rather than a passing failure.
    private static readonly string[] s_permanentMarkers =
    [
        "conflict", "already in use", "already exists", "is in use", "invalid", "not found", "no such", "oci runtime",
        "executable file not found", "permission denied", "is not running", "is paused", "is restarting", "unsupported",
        "manifest unknown", "pull access denied", "unauthorized", "denied",
    ];

    public static DockerErrorKind Classify(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return DockerErrorKind.Unknown;
            case OperationCanceledException:
                // HttpClient's own timeout, not the caller's token.
                return DockerErrorKind.Transport;
            case DockerApiException api:
                return ClassifyStatus(api.StatusCode, Message(api));
            case HttpRequestException or IOException or SocketException:
                return DockerErrorKind.Transport;
            default:
                return DockerErrorKind.Unknown;
        }
    }

    public static DockerErrorKind ClassifyStatus(HttpStatusCode status, string message)
    {
        var code = (int)status;
        if (code < 500)
        {
            return DockerErrorKind.Permanent;
        }

        if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return DockerErrorKind.TransientApi;
        }

        var lower = message.ToLowerInvariant();
        return s_permanentMarkers.Any(m => lower.Contains(m, StringComparison.Ordinal))
            ? DockerErrorKind.Permanent
            : DockerErrorKind.TransientApi;
    }

    /// <summary>The engine's <c>message</c> from an error body, or the body itself.</summary>
    public static string Message(DockerApiException exception)
    {
        var body = exception.ResponseBody;
        if (string.IsNullOrWhiteSpace(body))
        {
            return $"engine answered {(int)exception.StatusCode} {exception.StatusCode}";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!.Trim();
            }
        }
        catch (JsonException)
        {
            // Not JSON: use the text as it is.
        }

        return body.Trim();
    }

    /// <summary>The innermost meaningful transport message (e.g. "Connection refused").</summary>
    public static string TransportMessage(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return "the request timed out";
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost is SocketException socket
            ? $"{socket.Message} ({socket.SocketErrorCode})"
            : innermost.Message;
    }
}
