namespace Kolla.Prechecks;

/// <summary>
/// What every deployment-wide check shares: its name, results that carry it, and the one pass reported when it found
/// nothing.
/// </summary>
/// <param name="name">The check's name (<see cref="PrecheckNames"/>).</param>
internal abstract class Precheck(string name) : IPrecheck
{
    /// <summary>The check's name, as results and <c>--skip</c> give it.</summary>
    public string Name => name;

    /// <inheritdoc/>
    public IReadOnlyList<PrecheckResult> Check(PrecheckContext context)
    {
        var results = new List<PrecheckResult>();
        if (Collect(context, results) is { } passed && results.Count == 0)
        {
            results.Add(Result(PrecheckStatus.Passed, passed));
        }

        return results;
    }

    /// <summary>Adds the check's findings to <paramref name="results"/>, in report order.</summary>
    /// <param name="context">The inputs, the plan's variables and its selection of hosts and services.</param>
    /// <param name="results">Where the findings go.</param>
    /// <returns>The message of the pass reported when there are no findings; null for none.</returns>
    protected abstract string? Collect(PrecheckContext context, List<PrecheckResult> results);

    /// <summary>A finding of this check.</summary>
    protected PrecheckResult Result(PrecheckStatus status, string message, string? host = null) => new(name, status, message, host);
}
