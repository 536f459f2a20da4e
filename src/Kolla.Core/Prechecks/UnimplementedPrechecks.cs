using Kolla.Planning;

namespace Kolla.Prechecks;

/// <summary>The <c>unimplemented</c> precheck: settings the catalogue does not implement (<see cref="UnimplementedSettings"/>).</summary>
internal static class UnimplementedPrechecks
{
    public const string Name = "unimplemented";

    /// <summary>One failure per setting the operator set (a warning with <see cref="PrecheckOptions.AllowUnimplemented"/>), one warning per kolla-ansible default, else one pass.</summary>
    public static void Check(DeploymentInputs inputs, PrecheckOptions options, List<PrecheckResult> results)
    {
        var refused = UnimplementedSettings.Find(inputs, options.GlobalsPrecedence);
        var defaults = UnimplementedSettings.FindDefaults(inputs, options.GlobalsPrecedence);
        var status = options.AllowUnimplemented ? PrecheckStatus.Warning : PrecheckStatus.Failed;
        results.AddRange(refused.Select(s => new PrecheckResult(Name, status, s.ToString())));
        results.AddRange(defaults.Select(s => new PrecheckResult(Name, PrecheckStatus.Warning, s.ToString())));
        if (refused.Count == 0 && defaults.Count == 0)
        {
            results.Add(new PrecheckResult(Name, PrecheckStatus.Passed, "nothing is set that the catalogue does not implement"));
        }
    }
}
