using Kolla.Converge;

namespace Kolla.Tests.Rig;

/// <summary>Runs an action on each progress event, on the converging thread, before the converge goes on (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class InlineProgress(Action<DeployEvent> action) : IProgress<DeployEvent>
{
    public void Report(DeployEvent value) => action(value);
}
