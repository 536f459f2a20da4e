using Kolla.Templates;

namespace Kolla.Planning;

/// <summary>
/// Restates a planning error whose cause is a <c>-e</c> value at that <c>-e</c> option (or <c>@FILE</c> and line): the
/// template that happened to need the value is not where the operator has to look.
/// </summary>
internal static class ExtraVarsErrors
{
    /// <summary>The error named by its <c>-e</c> source, or null when no extra variable is the cause.</summary>
    /// <param name="error">The planning error.</param>
    /// <param name="inputs">The inputs, with <see cref="DeploymentInputs.ExtraVarsOrigins"/>.</param>
    public static PlanningException? Restate(KollaException error, DeploymentInputs inputs)
    {
        var template = Innermost(error);
        if (template?.Variable is not { } name || !inputs.ExtraVars.ContainsKey(name))
        {
            return null;
        }

        var source = inputs.ExtraVarsOrigins.TryGetValue(name, out var origin)
            ? origin.Line > 0 ? origin.ToString() : origin.File
            : "extra vars";
        var context = error.Message.EndsWith(template.Message, StringComparison.Ordinal)
            ? error.Message[..^template.Message.Length].TrimEnd(' ', ':')
            : string.Empty;
        var neededBy = context.Length > 0 ? $" (needed by {context})" : string.Empty;
        return new PlanningException($"{source}: cannot evaluate '{name}'{neededBy}: {template.Reason}", error);
    }

    private static TemplateException? Innermost(Exception error)
    {
        TemplateException? found = null;
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is TemplateException template)
            {
                found = template;
            }
        }

        return found;
    }
}
