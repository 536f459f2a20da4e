namespace Kolla.Facts;

/// <summary>One or more hosts have no facts: neither cached nor gatherable. <see cref="Failures"/> has one line per host.</summary>
public sealed class FactsGatheringException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failures">One message per host, each starting with the host's name.</param>
    public FactsGatheringException(IReadOnlyList<string> failures)
        : base(failures.Count == 1 ? $"cannot gather facts: {failures[0]}" : $"cannot gather facts from {failures.Count} hosts:\n  " + string.Join("\n  ", failures))
    {
        Failures = failures;
    }

    /// <summary>Why each host has no facts, one line per host, naming it first.</summary>
    public IReadOnlyList<string> Failures { get; }
}
