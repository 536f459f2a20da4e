using System.Text.RegularExpressions;
using Kolla.Services;

namespace Kolla.Prechecks;

/// <summary>The Jinja text of a service definition and the identifiers in it: which variables (and passwords) a service may read.</summary>
internal static partial class ServiceTexts
{
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>Every text of the service: templates, and its containers' and bootstrap jobs' environment, volumes, <c>config.json</c>, health check, <c>when</c> and commands.</summary>
    public static IEnumerable<string> Of(ServiceDefinition service)
    {
        foreach (var text in service.Templates.Values)
        {
            yield return text;
        }

        foreach (var container in service.Containers)
        {
            foreach (var text in Strings(container.Environment.Select(e => e.Value)).Concat(container.Volumes).Concat(Strings(container.ConfigJson)).Concat(Strings(container.Healthcheck)))
            {
                yield return text;
            }

            foreach (var file in container.Files)
            {
                yield return file.When;
            }

            if (container.Command is { } command)
            {
                yield return command;
            }
        }

        foreach (var job in service.Bootstrap)
        {
            foreach (var text in Strings(job.Environment.Select(e => e.Value)))
            {
                yield return text;
            }

            if (job.Command is { } command)
            {
                yield return command;
            }
        }
    }

    /// <summary>Every string in a value: itself, or the values of a mapping or the items of a list, recursively.</summary>
    public static IEnumerable<string> Strings(object? value)
    {
        switch (value)
        {
            case string s:
                yield return s;
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var text in map.SelectMany(p => Strings(p.Value)))
                {
                    yield return text;
                }

                break;
            case System.Collections.IEnumerable list:
                foreach (var item in list)
                {
                    foreach (var text in Strings(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    /// <summary>Every word that may name a variable.</summary>
    public static IEnumerable<string> Identifiers(IEnumerable<string> texts) =>
        texts.SelectMany(t => Identifier().Matches(t).Select(m => m.Value));
}
