using Kolla.Containers;
using Kolla.Docker;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>Shared setup for tests against the fixture's engine: a runtime and a per-test cancellation budget.</summary>
public abstract class DockerTestBase : IAsyncLifetime
{
    private readonly CancellationTokenSource _budget;

    protected DockerTestBase(DockerEngineFixture engine)
    {
        Engine = engine;
        _budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _budget.CancelAfter(TimeSpan.FromMinutes(3));
        Runtime = new DockerContainerRuntime("testhost", new DockerRuntimeOptions
        {
            Endpoint = new Uri(engine.DockerHost),
            TimeZone = "Europe/Berlin",
            RetryInitialDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    protected DockerEngineFixture Engine { get; }

    protected DockerContainerRuntime Runtime { get; }

    protected CancellationToken Token => _budget.Token;

    protected static IReadOnlyDictionary<string, string> NoLabels { get; } = new Dictionary<string, string>();

    /// <summary>A minimal long-running container spec from the test image.</summary>
    /// <remarks>Labelled with the run, so the fixture removes it even when the test does not.</remarks>
    protected ContainerSpec Sleeper(string name) => new()
    {
        Name = Engine.NameFor(name),
        Image = Engine.TestImage,
        Command = "sleep 300",
        Labels = [new(DockerEngineFixture.RunLabelKey, Engine.RunId)],
    };

    public virtual async ValueTask InitializeAsync() => await Engine.EnsureTestImageAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Runtime.Dispose();
        _budget.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
