namespace Kolla.Ssh;

/// <summary>The outcome of checking a server's host key against a known_hosts file.</summary>
public enum HostKeyStatus
{
    /// <summary>A line for this host lists exactly the offered key.</summary>
    Match,

    /// <summary>Lines for this host list a different key of the same type: the key changed (refuse).</summary>
    Mismatch,

    /// <summary>The offered key is listed on an <c>@revoked</c> line matching this host (refuse).</summary>
    Revoked,

    /// <summary>No line lists a key of this type for this host (refuse unless unknown keys are accepted).</summary>
    Unknown,
}
