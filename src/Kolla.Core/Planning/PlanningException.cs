namespace Kolla.Planning;

/// <summary>The desired state could not be computed: names the host and container (and the template file and line when a template failed).</summary>
public sealed class PlanningException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, with host and container.</param>
    /// <param name="innerException">The template, merge or validation error.</param>
    public PlanningException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
