namespace Kolla.Containers;

/// <summary>A container health check with kolla's five keys; durations in whole seconds.</summary>
/// <param name="Test">Test command, e.g. <c>["CMD-SHELL", "healthcheck_curl http://10.0.0.10:5000"]</c>.</param>
/// <param name="IntervalSeconds">Seconds between checks.</param>
/// <param name="TimeoutSeconds">Seconds before one check times out.</param>
/// <param name="StartPeriodSeconds">Grace period after start.</param>
/// <param name="Retries">Failures before unhealthy.</param>
public sealed record ContainerHealthcheck(
    IReadOnlyList<string> Test,
    int IntervalSeconds = 30,
    int TimeoutSeconds = 30,
    int StartPeriodSeconds = 5,
    int Retries = 3)
{
    /// <summary>True when the test is kolla's <c>NONE</c>, which means "no health check".</summary>
    public bool IsNone => Test.Count == 0 || (Test.Count == 1 && Test[0] == "NONE");
}
