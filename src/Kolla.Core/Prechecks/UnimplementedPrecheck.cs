using Kolla.Planning;

namespace Kolla.Prechecks;

/// <summary>The <c>unimplemented</c> check: settings the catalogue does not implement (<see cref="UnimplementedSettings"/>).</summary>
/// <remarks>
/// One failure per setting the operator set (a warning with <see cref="PrecheckOptions.AllowUnimplemented"/>), one warning
/// per kolla-ansible default that would deploy something missing, else one pass.
/// </remarks>
internal sealed class UnimplementedPrecheck() : Precheck(PrecheckNames.Unimplemented)
{
    protected override string? Collect(PrecheckContext context, List<PrecheckResult> results)
    {
        var options = context.Options;
        var refused = UnimplementedSettings.Find(context.Inputs, options.GlobalsPrecedence);
        var defaults = UnimplementedSettings.FindDefaults(context.Inputs, options.GlobalsPrecedence);
        var status = options.AllowUnimplemented ? PrecheckStatus.Warning : PrecheckStatus.Failed;
        results.AddRange(refused.Select(s => Result(status, s.ToString())));
        results.AddRange(defaults.Select(s => Result(PrecheckStatus.Warning, s.ToString())));
        return "nothing is set that the catalogue does not implement";
    }
}
