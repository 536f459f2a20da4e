namespace Kolla.Passwords;

/// <summary>How far genpwd is with the RSA key pairs, the slow part (about a second each at 4096 bits).</summary>
/// <param name="KeysDone">Key pairs generated so far.</param>
/// <param name="KeysTotal">Key pairs to generate in all.</param>
public sealed record GenPwdProgress(int KeysDone, int KeysTotal);
