using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Kolla.Docker;

namespace Kolla.Tests;

public sealed class DockerErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, "No such container: x", "Permanent")]
    [InlineData(HttpStatusCode.Conflict, "Conflict. The container name is already in use", "Permanent")]
    [InlineData(HttpStatusCode.BadRequest, "invalid mount config", "Permanent")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "daemon busy", "TransientApi")]
    [InlineData(HttpStatusCode.BadGateway, "no such thing", "TransientApi")]
    [InlineData(HttpStatusCode.InternalServerError, "connection reset by peer", "TransientApi")]
    [InlineData(HttpStatusCode.InternalServerError, "OCI runtime create failed: unable to apply caps", "Permanent")]
    [InlineData(HttpStatusCode.InternalServerError, "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host", "Permanent")]
    [InlineData(HttpStatusCode.InternalServerError, "remove v: volume is in use - [abc]", "Permanent")]
    public void ClassifyStatus_PermanentRefusalsVersusPassingFailures(HttpStatusCode status, string message, string expected)
    {
        DockerErrors.ClassifyStatus(status, message).ToString().Should().Be(expected);
    }

    [Fact]
    public void Classify_TransportErrors_AreTransport()
    {
        var refused = new HttpRequestException("Connection failed.", new SocketException((int)SocketError.ConnectionRefused));

        DockerErrors.Classify(refused, TestContext.Current.CancellationToken).Should().Be(DockerErrorKind.Transport);
        DockerErrors.Classify(new IOException("reset"), TestContext.Current.CancellationToken).Should().Be(DockerErrorKind.Transport);
        DockerErrors.Classify(new TaskCanceledException("HttpClient timeout"), TestContext.Current.CancellationToken).Should().Be(DockerErrorKind.Transport);
        DockerErrors.TransportMessage(refused).Should().Be("Connection refused (ConnectionRefused)");
    }

    [Fact]
    public void Classify_CallerCancellationAndBugs_AreUnknown()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        DockerErrors.Classify(new OperationCanceledException(cts.Token), cts.Token).Should().Be(DockerErrorKind.Unknown);
        DockerErrors.Classify(new InvalidOperationException(), TestContext.Current.CancellationToken).Should().Be(DockerErrorKind.Unknown);
    }

    [Theory]
    [InlineData("{\"message\":\"No such image: x:1\"}\n", "No such image: x:1")]
    [InlineData("plain text body\n", "plain text body")]
    [InlineData("", "engine answered 500 InternalServerError")]
    public void Message_FromEngineBody(string body, string expected)
    {
        DockerErrors.Message(new DockerApiException(HttpStatusCode.InternalServerError, body)).Should().Be(expected);
    }
}
