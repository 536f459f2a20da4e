namespace Kolla.Converge;

/// <summary>The recap of one host, like a line of Ansible's PLAY RECAP.</summary>
/// <param name="Host">Host.</param>
/// <param name="Ok">Containers that already matched.</param>
/// <param name="Changed">Changes applied.</param>
/// <param name="Failed">1 when the host failed.</param>
/// <param name="Skipped">Containers not processed (a failure stopped the run, or a held restart).</param>
/// <param name="Error">The failure message, if any.</param>
public sealed record HostResult(string Host, int Ok, int Changed, int Failed, int Skipped, string? Error);
