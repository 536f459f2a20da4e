using Kolla.Converge;

namespace Kolla.Operations;

/// <summary>How <see cref="ImagePuller"/> runs (<c>kolla pull</c>): forks and continue-on-error, nothing of its own.</summary>
public sealed record PullOptions : HostOperationOptions;
