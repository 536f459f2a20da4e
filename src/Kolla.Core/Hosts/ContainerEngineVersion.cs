namespace Kolla.Hosts;

/// <summary>What a container engine reports about itself.</summary>
/// <param name="Version">Engine version as reported (<c>27.5.1</c>).</param>
/// <param name="ApiVersion">Highest Engine API version it speaks (<c>1.47</c>).</param>
/// <param name="MinimumApiVersion">Lowest API version it accepts, when reported.</param>
public sealed record ContainerEngineVersion(string Version, Version ApiVersion, Version? MinimumApiVersion = null);
