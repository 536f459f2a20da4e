namespace Kolla.Variables;

/// <summary>The inputs of a variable context do not fit together (unknown host in a group, duplicate host).</summary>
public sealed class VariableContextException : KollaException
{
    /// <summary>Creates the exception.</summary>
    public VariableContextException(string message)
        : base(message)
    {
    }
}
