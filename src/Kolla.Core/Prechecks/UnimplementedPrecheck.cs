using Kolla.Planning;

namespace Kolla.Prechecks;

/// <summary>The <c>unimplemented</c> check: settings the catalogue does not implement (<see cref="UnimplementedSettings"/>).</summary>
/// <remarks>
/// One failure per setting the operator set (a warning with <see cref="PrecheckOptions.AllowUnimplemented"/>), one warning
/// per kolla-ansible default that would deploy something missing, else one pass.
/// </remarks>
internal sealed class UnimplementedPrecheck : IPrecheck
{
    public IReadOnlyList<PrecheckResult> Check(PrecheckContext context)
    {
        const string Check = PrecheckNames.Unimplemented;
        var options = context.Options;
        var refused = UnimplementedSettings.Find(context.Inputs, options.GlobalsPrecedence);
        var defaults = UnimplementedSettings.FindDefaults(context.Inputs, options.GlobalsPrecedence);
        var status = options.AllowUnimplemented ? PrecheckStatus.Warning : PrecheckStatus.Failed;
        var results = new List<PrecheckResult>();
        results.AddRange(refused.Select(s => new PrecheckResult(Check, status, s.ToString())));
        results.AddRange(defaults.Select(s => new PrecheckResult(Check, PrecheckStatus.Warning, s.ToString())));
        if (results.Count == 0)
        {
            results.Add(new PrecheckResult(Check, PrecheckStatus.Passed, "nothing is set that the catalogue does not implement"));
        }

        return results;
    }
}
