using System.CommandLine;
using Kolla.Passwords;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla mergepwd</c>: kolla-mergepwd — carry old passwords into a new release's file.</summary>
internal static class MergePwdCommand
{
    public static Command Create(CliConsole console)
    {
        var oldFile = new Option<string>("--old") { Description = "The passwords file in use.", Required = true };
        var newFile = new Option<string>("--new") { Description = "The new release's passwords file.", Required = true };
        var finalFile = new Option<string?>("--final") { Description = "Where to write the merged file (atomically, mode 0600). Without it the result is printed." };
        var clean = new Option<bool>("--clean") { Description = "Keep only the new file's keys (drop keys the new release no longer has)." };
        var command = new Command(
            "mergepwd",
            "Merge passwords for an upgrade like kolla-mergepwd: start from --new and keep every value of --old (old values win; "
            + "an old redis_master_password seeds a new valkey_master_password). Run genpwd afterwards to fill new keys.")
        {
            oldFile, newFile, finalFile, clean,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var final = parse.GetValue(finalFile);
            try
            {
                var (merged, warnings) = await MergePwd.RunAsync(
                    CliPaths.ExpandHome(parse.GetValue(oldFile)!),
                    CliPaths.ExpandHome(parse.GetValue(newFile)!),
                    final is null ? null : CliPaths.ExpandHome(final),
                    parse.GetValue(clean),
                    cancellationToken).ConfigureAwait(false);
                foreach (var warning in warnings)
                {
                    await console.Error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
                }

                if (final is null)
                {
                    await console.Out.WriteAsync(merged.ToYaml()).ConfigureAwait(false);
                }

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
