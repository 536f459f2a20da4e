using Kolla.Globals;
using Kolla.Inventory;
using Kolla.Passwords;
using Kolla.Services;

namespace Kolla.Planning;

/// <summary>Reads a deployment's inputs the way kolla-ansible does: inventory, <c>globals.yml</c> (+ <c>globals.d/*.yml</c>), <c>passwords.yml</c>, <c>-e</c> vars, the override tree and the catalogue.</summary>
internal static class DeploymentInputsLoader
{
    /// <summary>Loads everything; errors name the file and line.</summary>
    /// <exception cref="KollaException">Any input is missing or malformed.</exception>
    public static async Task<DeploymentInputs> LoadAsync(DeploymentInputsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Inventories.Count == 0)
        {
            throw new InventoryException(null, null, "no inventory given (use -i INVENTORY)");
        }

        var inventory = await InventoryLoader.LoadAsync(options.Inventories, cancellationToken).ConfigureAwait(false);
        var configDirectory = Path.GetFullPath(options.ConfigDirectory);
        var globalsFile = Path.Combine(configDirectory, "globals.yml");
        var globals = File.Exists(globalsFile)
            ? await KollaGlobals.LoadAsync(globalsFile, configDirectory, cancellationToken).ConfigureAwait(false)
            : KollaGlobals.FromDefaults(configDirectory);
        var globalValues = new Dictionary<string, object?>(globals.Values, StringComparer.Ordinal);
        var globalLocations = globals.Lines.ToDictionary(l => l.Key, l => new InputLocation("globals.yml", l.Value), StringComparer.Ordinal);
        var globalsD = Path.Combine(configDirectory, "globals.d");
        if (Directory.Exists(globalsD))
        {
            foreach (var file in Directory.GetFiles(globalsD).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var fileGlobals = await KollaGlobals.LoadAsync(file, configDirectory, cancellationToken).ConfigureAwait(false);
                foreach (var (key, value) in fileGlobals.Values)
                {
                    globalValues[key] = value;
                    globalLocations[key] = new InputLocation("globals.d/" + Path.GetFileName(file), fileGlobals.Lines.GetValueOrDefault(key));
                }
            }
        }

        var passwordsFile = options.PasswordsFile ?? Path.Combine(configDirectory, "passwords.yml");
        if (!File.Exists(passwordsFile) && options.GeneratePasswordsIfMissing)
        {
            await GenPwd.RunAsync(passwordsFile, createIfMissing: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var passwords = await PasswordStore.LoadAsync(passwordsFile, cancellationToken).ConfigureAwait(false);
        var (extraVars, extraVarsOrigins) = await ExtraVariables.LoadWithOriginsAsync(options.ExtraVars, cancellationToken).ConfigureAwait(false);
        var customConfig = globalValues.TryGetValue("node_custom_config", out var custom) && custom is string { Length: > 0 } path && !path.Contains("{{", StringComparison.Ordinal)
            ? path
            : Path.Combine(configDirectory, "config");
        var overrides = await OverrideTree.LoadAsync(customConfig, cancellationToken).ConfigureAwait(false);
        var catalogue = await ServiceCatalogueLoader.LoadAsync(options.CatalogueDirectory, cancellationToken).ConfigureAwait(false);
        var inputs = new DeploymentInputs
        {
            Inventory = inventory,
            Catalogue = catalogue,
            Globals = globalValues,
            Passwords = passwords.Values,
            ExtraVars = extraVars,
            ExtraVarsOrigins = extraVarsOrigins,
            Overrides = overrides,
            GlobalsLocations = globalLocations,
            ConfigDirectory = configDirectory,
        };
        var certificates = await OverrideTree.LoadAsync(CertificatesDirectory(inputs, configDirectory), cancellationToken).ConfigureAwait(false);
        return inputs with { Certificates = certificates };
    }

    /// <summary>
    /// <c>kolla_certificates_dir</c> as the first host sees it (globals, <c>all</c>'s group vars and <c>-e</c> set it for
    /// everyone); <c>&lt;config dir&gt;/certificates</c> when it cannot be evaluated before facts are gathered.
    /// </summary>
    private static string CertificatesDirectory(DeploymentInputs inputs, string configDirectory)
    {
        var fallback = Path.Combine(configDirectory, "certificates");
        try
        {
            var context = DeploymentVariables.Create(inputs);
            if (context.HostNames.FirstOrDefault() is not { } host)
            {
                return fallback;
            }

            var value = new ValueEvaluator(new Templates.TemplateRenderer(), context.ForHost(host), host).Text("{{ kolla_certificates_dir }}");
            return value.Length > 0 ? Path.GetFullPath(value, configDirectory) : fallback;
        }
        catch (KollaException)
        {
            return fallback;
        }
    }
}
