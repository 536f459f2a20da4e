namespace Kolla.Operations;

/// <summary><c>kolla mariadb_recovery</c> cannot go on: the cluster is not there, the bootstrap node cannot be chosen, or a node does not sync.</summary>
internal sealed class MariaDbRecoveryException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MariaDbRecoveryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
