namespace Kolla.Facts;

/// <summary>The files Ansible's distribution facts (and the <c>distro</c> library under them) read.</summary>
/// <param name="Files">The regular files among <see cref="DistributionFacts.FilePaths"/> that exist, by path.</param>
/// <param name="ReleaseFiles">The regular files <c>/etc/*[-_]release</c> and <c>/etc/*[-_]version</c>, in any order.</param>
/// <param name="DebianVersion">The first line of <c>/etc/debian_version</c> without trailing whitespace, or null when it is missing.</param>
internal sealed record DistributionSource(
    IReadOnlyDictionary<string, ReleaseFile> Files,
    IReadOnlyList<ReleaseFileLine> ReleaseFiles,
    string? DebianVersion);
