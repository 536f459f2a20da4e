namespace Kolla.Bootstrap;

/// <summary>One host's preparation: the steps it needs (a plan) or took (after applying), or why it could not be prepared.</summary>
/// <param name="Host">Inventory name.</param>
/// <param name="Steps">The steps, in the order they run; empty when the host is already prepared.</param>
/// <param name="Notes">What the reader should know that is not a step (for example: no systemd, so the engine is not started).</param>
/// <param name="Error">Why the host could not be read or a step failed; the steps before it were taken.</param>
public sealed record HostPreparation(string Host, IReadOnlyList<PreparationStep> Steps, IReadOnlyList<string> Notes, string? Error = null);
