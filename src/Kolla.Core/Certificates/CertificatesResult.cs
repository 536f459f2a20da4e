namespace Kolla.Certificates;

/// <summary>What <see cref="KollaCertificates.GenerateAsync"/> did.</summary>
/// <param name="Directory">The certificates directory (<c>kolla_certificates_dir</c>).</param>
/// <param name="Written">Files written, relative to <paramref name="Directory"/>, in the order they were written.</param>
/// <param name="Kept">Files that already held what they should and were left alone.</param>
public sealed record CertificatesResult(string Directory, IReadOnlyList<string> Written, IReadOnlyList<string> Kept);
