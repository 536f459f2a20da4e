using Kolla.Hosts;
using Kolla.Planning;
using Kolla.Services;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>What a check of one host reads.</summary>
/// <param name="Host">The host's plan (its containers, how it is reached).</param>
/// <param name="Connection">The open connection to the host.</param>
/// <param name="Variables">The host's variables, from the plan.</param>
/// <param name="Catalogue">The catalogue the containers come from (what each declares to check).</param>
/// <param name="Options">How the checks run.</param>
internal sealed record HostPrecheckContext(HostPlan Host, IHostConnection Connection, HostVariables Variables, ServiceCatalogue Catalogue, PrecheckOptions Options);
