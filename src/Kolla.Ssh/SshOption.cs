namespace Kolla.Ssh;

/// <summary>One ssh option as ssh(1) collects them: a keyword (lower case), its value, and where it was given.</summary>
/// <param name="Keyword">The keyword in lower case (<c>hostname</c>, <c>proxyjump</c>, ...).</param>
/// <param name="Value">The value, quotes removed.</param>
/// <param name="Source">Where it was given, for messages: <c>FILE:LINE</c> or <c>ansible_ssh_common_args</c>.</param>
internal sealed record SshOption(string Keyword, string Value, string Source);
