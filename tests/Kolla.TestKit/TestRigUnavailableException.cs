using Xunit.v3;

namespace Kolla.TestKit;

/// <summary>
/// A component of the test rig (Docker engine, sshd, network namespaces) is not available. Locally the
/// message carries xUnit's dynamic-skip token, so the test is reported as skipped (as <c>Assert.Skip</c>
/// does); under CI it is a plain failure.
/// </summary>
public sealed class TestRigUnavailableException : Exception
{
    /// <summary>Initializes a new instance for <paramref name="reason"/>.</summary>
    /// <param name="reason">What is missing and how to install it.</param>
    /// <param name="skip">Whether the test should be skipped rather than failed.</param>
    public TestRigUnavailableException(string reason, bool skip)
        : base(skip ? DynamicSkipToken.Value + reason : reason)
    {
        Reason = reason;
        IsSkip = skip;
    }

    /// <summary>Initializes a new instance that fails the test.</summary>
    public TestRigUnavailableException()
        : this("The test rig is unavailable.", skip: false)
    {
    }

    /// <summary>Initializes a new instance that fails the test.</summary>
    /// <param name="message">What is missing.</param>
    public TestRigUnavailableException(string message)
        : this(message, skip: false)
    {
    }

    /// <summary>Initializes a new instance that fails the test.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The failure behind it.</param>
    public TestRigUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Gets what is missing and how to install it (without the skip token).</summary>
    public string Reason { get; }

    /// <summary>Gets whether the test is skipped rather than failed.</summary>
    public bool IsSkip { get; }
}
