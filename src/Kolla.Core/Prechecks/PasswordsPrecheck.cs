using Kolla.Passwords;
using Kolla.Services;

namespace Kolla.Prechecks;

/// <summary>
/// The <c>passwords</c> check: every password the deployed services use (in their text, or in the defaults that text
/// reads) is in <c>passwords.yml</c> and not empty.
/// </summary>
internal sealed class PasswordsPrecheck() : Precheck(PrecheckNames.Passwords)
{
    protected override string? Collect(PrecheckContext context, List<PrecheckResult> results)
    {
        var inputs = context.Inputs;
        var catalogue = inputs.Catalogue;
        var defaults = new Dictionary<string, object?>(catalogue.CommonDefaults, StringComparer.Ordinal);
        foreach (var service in catalogue.Services)
        {
            foreach (var (key, value) in service.Defaults)
            {
                defaults[key] = value;
            }
        }

        var keys = inputs.Passwords.Keys.Concat(PasswordCatalog.BuiltInKeys).ToHashSet(StringComparer.Ordinal);
        var usedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in context.DeployedServices.Select(catalogue.Find).OfType<ServiceDefinition>())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>(ServiceTexts.Identifiers(ServiceTexts.Of(service)));
            while (pending.TryDequeue(out var name))
            {
                if (!seen.Add(name))
                {
                    continue;
                }

                if (keys.Contains(name))
                {
                    usedBy.TryAdd(name, service.Name);
                }

                if (defaults.TryGetValue(name, out var value))
                {
                    foreach (var inner in ServiceTexts.Identifiers(ServiceTexts.Strings(value)))
                    {
                        pending.Enqueue(inner);
                    }
                }
            }
        }

        foreach (var (key, service) in usedBy.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (PasswordCatalog.KindOf(key) == PasswordKind.AlwaysBlank)
            {
                continue;
            }

            if (!inputs.Passwords.TryGetValue(key, out var value))
            {
                results.Add(Result(PrecheckStatus.Failed, $"'{key}' (used by {service}) is missing from passwords.yml; add the key and run kolla genpwd"));
            }
            else if (IsEmpty(value))
            {
                results.Add(Result(PrecheckStatus.Failed, $"'{key}' (used by {service}) is empty in passwords.yml; run kolla genpwd"));
            }
        }

        return $"{usedBy.Count} password(s) the selected services use are set";
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault("private_key") is null or "",
        _ => false,
    };
}
