using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Kolla.Docker;
using Kolla.Hosts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kolla.Tests;

public sealed class DockerCallPolicyTests
{
    private static DockerCallPolicy Policy(int retries = 2) => new(
        "h1",
        new Uri("unix:///run/test.sock"),
        new DockerRuntimeOptions { MaxRetries = retries, RetryInitialDelay = TimeSpan.Zero },
        NullLogger.Instance,
        TimeProvider.System);

    private static HttpRequestException Refused() => new("Connection failed.", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task RunAsync_TransientThenSuccess_Retries()
    {
        var attempts = 0;

        var result = await Policy().RunAsync("list", "containers", (attempt, _) =>
        {
            attempts = attempt;
            return attempt < 3 ? throw Refused() : Task.FromResult(42);
        }, TestContext.Current.CancellationToken);

        result.Should().Be(42);
        attempts.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_TransportStaysDown_HostUnreachableAfterBoundedRetries()
    {
        var attempts = 0;

        var act = () => Policy(retries: 2).RunAsync<int>("list", "containers", (attempt, _) =>
        {
            attempts = attempt;
            throw Refused();
        }, TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<HostUnreachableException>()).Which;
        error.Message.Should().Be("h1: Docker engine at unix:///run/test.sock is not reachable (Connection refused (ConnectionRefused)) while trying to list containers");
        attempts.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_Conflict_PermanentAtOnce()
    {
        var attempts = 0;

        var act = () => Policy().RunAsync<int>("create", "nova_api", (attempt, _) =>
        {
            attempts = attempt;
            throw new DockerApiException(HttpStatusCode.Conflict, "{\"message\":\"name already in use\"}");
        }, TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<ContainerOperationException>()).Which;
        error.Message.Should().Be("h1: nova_api: create failed: name already in use");
        error.Container.Should().Be("nova_api");
        attempts.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_ServerErrorPersists_OperationFailsAfterRetries()
    {
        var attempts = 0;

        var act = () => Policy(retries: 1).RunAsync<int>("start", "keystone", (attempt, _) =>
        {
            attempts = attempt;
            throw new DockerApiException(HttpStatusCode.ServiceUnavailable, "{\"message\":\"busy\"}");
        }, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ContainerOperationException>()).Which.Message.Should().Be("h1: keystone: start failed: busy");
        attempts.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_UnknownException_PropagatesUnchanged()
    {
        var act = () => Policy().RunAsync<int>("x", "y", (_, _) => throw new InvalidOperationException("bug"), TestContext.Current.CancellationToken);

        await act.Should().ThrowExactlyAsync<InvalidOperationException>().WithMessage("bug");
    }

    [Fact]
    public async Task RunAsync_CallerCancels_OperationCanceled()
    {
        using var cts = new CancellationTokenSource();

        var act = () => Policy().RunAsync<int>("x", "y", async (_, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return 0;
        }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Delay_DoublesUpToTheCap()
    {
        var policy = new DockerCallPolicy("h", new Uri("unix:///x"), new DockerRuntimeOptions
        {
            RetryInitialDelay = TimeSpan.FromMilliseconds(100),
            RetryMaxDelay = TimeSpan.FromMilliseconds(350),
        }, NullLogger.Instance, TimeProvider.System);

        Enumerable.Range(1, 4).Select(a => policy.Delay(a).TotalMilliseconds).Should().Equal(100, 200, 350, 350);
    }
}
