using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Passwords;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla genpwd</c>: kolla-genpwd — fill the empty keys of passwords.yml.</summary>
internal static class GenPwdCommand
{
    public static Command Create(CliConsole console)
    {
        var passwords = new Option<string>("--passwords", "-p")
        {
            Description = "Path to the passwords.yml file.",
            DefaultValueFactory = _ => "/etc/kolla/passwords.yml",
        };
        var command = new Command(
            "genpwd",
            "Fill every empty key of a passwords file with the kind of value kolla-genpwd uses for it (40-character passwords, "
            + "UUIDs, Fernet keys, RSA SSH key pairs, ...); values already set are never changed. The file is written atomically "
            + "with mode 0600, keys sorted. Extension to kolla-genpwd: when the file does not exist it is created with "
            + "kolla-ansible's full key list instead of failing. Progress of the RSA key pairs goes to stderr.")
        {
            passwords,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = CliPaths.ExpandHome(parse.GetValue(passwords)!);
            try
            {
                var progress = new KeyProgress(console.Error, console.ErrorIsInteractive);
                var result = await GenPwd.RunAsync(path, createIfMissing: true, generator: null, progress, cancellationToken).ConfigureAwait(false);
                foreach (var warning in result.Warnings)
                {
                    await console.Error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
                }

                var what = result.Created ? "created with the built-in key list" : result.Written ? "updated" : "unchanged";
                await console.Out.WriteLineAsync($"{path}: {what}; {result.FilledKeys.Count} empty key(s) filled").ConfigureAwait(false);
                return 0;
            }
            catch (KollaException ex)
            {
                await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
