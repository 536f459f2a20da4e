using Microsoft.Extensions.Options;

namespace Kolla.Globals;

/// <summary>
/// Checks <see cref="KollaOptions"/> on start. It checks no globals: those are checked when <c>globals.yml</c> is read
/// (<see cref="KollaGlobals"/>) and by prechecks.
/// </summary>
internal sealed class KollaOptionsValidator : IValidateOptions<KollaOptions>
{
    /// <summary>Validates the options; the result lists every problem.</summary>
    public ValidateOptionsResult Validate(string? name, KollaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConfigDirectory) || !options.ConfigDirectory.StartsWith('/'))
        {
            failures.Add($"--configdir (ConfigDirectory) must be an absolute path, got '{options.ConfigDirectory}'");
        }

        if (options.PasswordsFile is { } passwords && string.IsNullOrWhiteSpace(passwords))
        {
            failures.Add("PasswordsFile must be null (ConfigDirectory/passwords.yml) or a path");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
