using Kolla.Hosts;

namespace Kolla.Docker;

/// <summary>A local host: its files and its Docker engine.</summary>
internal sealed class DockerHostConnection(string host, LocalHostFiles files, DockerContainerRuntime runtime) : IHostConnection
{
    public string Host => host;

    public IHostFiles Files => files;

    public IContainerRuntime Containers => runtime;

    public ValueTask DisposeAsync()
    {
        runtime.Dispose();
        return ValueTask.CompletedTask;
    }
}
