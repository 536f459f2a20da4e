using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kolla.Containers;
using Kolla.Docker;
using Kolla.Hosts;

namespace Kolla.Tests;

/// <summary>
/// An engine slower than the request timeout (vfs copies the whole image for each container): the first create times
/// out on this side but goes on in the engine, which holds the name and shows no container until it is done.
/// </summary>
public sealed class DockerSlowCreateTests
{
    private static readonly ContainerSpec Spec = new() { Name = "slow_create", Image = "kolla/any:1" };

    private static DockerRuntimeOptions Options(string socket) => new()
    {
        Endpoint = new Uri($"unix://{socket}"),
        ApiVersion = new Version(1, 41),
        RequestTimeout = TimeSpan.FromMilliseconds(400),
        MaxRetries = 3,
        RetryInitialDelay = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task CreateAsync_EngineStillCreatingWhenTheRetryConflicts_WaitsForTheContainerItStarted()
    {
        var token = TestContext.Current.CancellationToken;
        await using var engine = SlowEngine.Start(notFoundAnswers: 3);
        using var runtime = new DockerContainerRuntime("slowhost", Options(engine.Socket));

        var id = await runtime.CreateAsync(Spec, new Dictionary<string, string>(), token);

        id.Should().Be(SlowEngine.ContainerId);
        engine.Inspections.Should().Be(4);
    }

    [Fact]
    public async Task CreateAsync_ContainerNeverAppears_FailsAfterOneRequestTimeout()
    {
        var token = TestContext.Current.CancellationToken;
        await using var engine = SlowEngine.Start(notFoundAnswers: int.MaxValue);
        using var runtime = new DockerContainerRuntime("slowhost", Options(engine.Socket));

        var act = () => runtime.CreateAsync(Spec, new Dictionary<string, string>(), token);

        (await act.Should().ThrowAsync<ContainerOperationException>()).Which.Message.Should().Contain("create failed");
    }

    /// <summary>
    /// A fake engine on a unix socket: the first create answers only after the client gave up (the engine creates it
    /// anyway), later creates conflict, inspections answer 404 <c>notFoundAnswers</c> times, then the container.
    /// </summary>
    private sealed class SlowEngine : IAsyncDisposable
    {
        public const string ContainerId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        private readonly Socket _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly int _notFoundAnswers;
        private int _creates;
        private int _inspections;
        private JsonNode? _labels;

        private SlowEngine(int notFoundAnswers)
        {
            _notFoundAnswers = notFoundAnswers;
            Socket = Path.Combine(Path.GetTempPath(), $"kolla-slow-{Guid.NewGuid():N}.sock");
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(Socket));
            _listener.Listen(16);
            _loop = AcceptAsync(_stop.Token);
        }

        public string Socket { get; }

        public int Inspections => Volatile.Read(ref _inspections);

        public static SlowEngine Start(int notFoundAnswers) => new(notFoundAnswers);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Dispose();
            try
            {
                await _loop;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            File.Delete(Socket);
            _stop.Dispose();
        }

        private async Task AcceptAsync(CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(token);
                _ = ServeAsync(client, token);
            }
        }

        private async Task ServeAsync(Socket client, CancellationToken token)
        {
            using var _ = client;
            await using var stream = new NetworkStream(client);
            try
            {
                while (await ReadRequestAsync(stream, token) is { } request)
                {
                    var (status, body) = await AnswerAsync(request.Method, request.Path, request.Body, token);
                    var payload = Encoding.UTF8.GetBytes(body);
                    var head = $"HTTP/1.1 {(int)status} {status}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
                    await stream.WriteAsync(payload, token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client gave up on a slow answer, or the engine stops.
            }
        }

        private async Task<(HttpStatusCode Status, string Body)> AnswerAsync(string method, string path, string body, CancellationToken token)
        {
            if (method == "POST" && path.Contains("/containers/create", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _creates) == 1)
                {
                    _labels = JsonNode.Parse(body)?["Labels"]?.DeepClone();
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                    return (HttpStatusCode.Created, $"{{\"Id\":\"{ContainerId}\",\"Warnings\":[]}}");
                }

                return (HttpStatusCode.Conflict, "{\"message\":\"Conflict. The container name \\\"/slow_create\\\" is already in use\"}");
            }

            if (method == "GET" && path.Contains("/containers/slow_create/json", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _inspections) <= _notFoundAnswers)
                {
                    return (HttpStatusCode.NotFound, "{\"message\":\"No such container: slow_create\"}");
                }

                var inspect = new JsonObject
                {
                    ["Id"] = ContainerId,
                    ["Name"] = "/slow_create",
                    ["Config"] = new JsonObject { ["Labels"] = _labels?.DeepClone() },
                };
                return (HttpStatusCode.OK, inspect.ToJsonString());
            }

            return (HttpStatusCode.NotFound, JsonSerializer.Serialize(new { message = $"unexpected {method} {path}" }));
        }

        private static async Task<(string Method, string Path, string Body)?> ReadRequestAsync(Stream stream, CancellationToken token)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, token) == 0)
                {
                    return null;
                }

                head.Append((char)one[0]);
            }

            var lines = head.ToString().Split("\r\n");
            var parts = lines[0].Split(' ');
            var length = lines
                .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            var body = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = await stream.ReadAsync(body.AsMemory(read), token);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            return (parts[0], parts[1], Encoding.UTF8.GetString(body));
        }
    }
}
