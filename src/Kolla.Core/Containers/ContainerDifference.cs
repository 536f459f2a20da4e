namespace Kolla.Containers;

/// <summary>One field in which an existing container differs from its desired spec.</summary>
/// <remarks>Counterpart of kolla_container's <c>comparison_failures</c> entries (<c>name</c>, <c>current</c>, <c>desired</c>).</remarks>
/// <param name="Field">Field name, one of <see cref="ContainerFields"/> (kolla's parameter names).</param>
/// <param name="Current">The observed value, formatted for people; null when absent.</param>
/// <param name="Desired">The desired value, formatted for people; null when absent.</param>
public sealed record ContainerDifference(string Field, string? Current, string? Desired);
