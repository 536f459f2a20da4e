namespace Kolla.Prechecks;

/// <summary>One concern checked over the whole deployment before anything changes, without contacting a host.</summary>
/// <remarks>kolla-ansible keeps such checks in each role's <c>precheck.yml</c>; here each concern is one small class.</remarks>
internal interface IPrecheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="context">The inputs, the plan's variables and its selection of hosts and services.</param>
    /// <returns>The findings, in report order.</returns>
    IReadOnlyList<PrecheckResult> Check(PrecheckContext context);
}
