using System.Globalization;
using Kolla.Compat;
using Kolla.Planning;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>Reads variables for the checks: a value that cannot be evaluated is reported by the check, never thrown.</summary>
internal static class PrecheckValues
{
    /// <summary>The variable as text, or null when it is undefined, null or cannot be evaluated.</summary>
    public static string? Text(TemplateRenderer renderer, IVariableScope scope, string name) => TextOrError(renderer, scope, name).Value;

    /// <summary>The variable as text (null when undefined or null), or the error evaluating it.</summary>
    public static (string? Value, string? Error) TextOrError(TemplateRenderer renderer, IVariableScope scope, string name)
    {
        try
        {
            return (renderer.TryResolveVariable(scope, name, out var value) && value is not null ? ValueEvaluator.Stringify(value) : null, null);
        }
        catch (KollaException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The variable as an Ansible boolean, or null when it is undefined, not a boolean or cannot be evaluated.</summary>
    public static bool? Bool(TemplateRenderer renderer, IVariableScope scope, string name)
    {
        try
        {
            return renderer.TryResolveVariable(scope, name, out var value) && AnsibleBoolean.TryParse(value, out var result) ? result : null;
        }
        catch (KollaException)
        {
            return null;
        }
    }

    /// <summary>A TCP port given as a variable name or a Jinja expression, or null when it is none (1-65535) or cannot be evaluated.</summary>
    public static int? Port(TemplateRenderer renderer, IVariableScope scope, string expression)
    {
        try
        {
            var value = expression.Contains("{{", StringComparison.Ordinal)
                ? renderer.Render(expression, "port", scope)
                : renderer.TryResolveVariable(scope, expression, out var resolved) ? ValueEvaluator.Stringify(resolved) : null;
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;
        }
        catch (KollaException)
        {
            return null;
        }
    }
}
