using Kolla.Start.Configuration;

namespace Kolla.Start;

/// <summary>
/// The set-configs step (upstream <c>kolla_set_configs</c>): load and validate the config, then, as
/// <c>KOLLA_CONFIG_STRATEGY</c> says, create directories and files, copy <c>config_files</c>, write
/// <c>/run_command</c> and apply <c>permissions</c>; or, with <c>--check</c>, only compare.
/// </summary>
internal static class SetConfigs
{
    public const string RunCommandPath = "/run_command";
    public const string ConfiguredMarker = "/configured";

    /// <summary>Runs the step and returns the exit code; every failure is logged as one line, never a stack trace.</summary>
    public static int Run(StartRoot root, bool check, Func<string, string?> environment, StartLog log)
    {
        try
        {
            var config = ConfigLoader.Load(root, log);
            if (check)
            {
                new ConfigChecker(root, Accounts.Load(root), log).Check(config);
            }
            else
            {
                Apply(root, config, environment("KOLLA_CONFIG_STRATEGY"), log);
            }

            return 0;
        }
        catch (StartException e) when (e.IsExpected)
        {
            log.Error($"{e.Name}: {e.Message}");
            return e.ExitCode;
        }
        catch (StartException e)
        {
            log.Error($"Unexpected error: {e.Name}: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e)
        {
            log.Error($"Unexpected error: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    private static void Apply(StartRoot root, StartConfig config, string? strategy, StartLog log)
    {
        log.Info($"Kolla config strategy set to: {strategy ?? "None"}");
        switch (strategy)
        {
            case "COPY_ALWAYS":
                CopyAll(root, config, log);
                break;
            case "COPY_ONCE":
                if (Posix.TryStat(root.Host(ConfiguredMarker), followLinks: false) is not null)
                {
                    throw StartException.ImmutableConfig("The config strategy prevents copying new configs");
                }

                CopyAll(root, config, log);
                File.WriteAllBytes(root.Host(ConfiguredMarker), []);
                break;
            default:
                throw StartException.InvalidConfig("KOLLA_CONFIG_STRATEGY is not set properly");
        }
    }

    private static void CopyAll(StartRoot root, StartConfig config, StartLog log)
    {
        var permissions = new PermissionApplier(root, Accounts.Load(root), log);
        foreach (var directory in config.Directories)
        {
            CreateDirectory(root, directory.Path);
            permissions.ApplyTo(directory.Path, directory.Owner, directory.Perm);
        }

        foreach (var file in config.Files)
        {
            CreateFile(root, file.Path);
            permissions.ApplyTo(file.Path, file.Owner, file.Perm);
        }

        if (config.ConfigFiles.Count > 0)
        {
            log.Info("Copying service configuration files");
        }

        var copier = new ConfigCopier(root, permissions, log);
        foreach (var entry in config.ConfigFiles)
        {
            copier.Copy(entry);
        }

        log.Info("Writing out command to execute");
        var runCommand = root.Host(RunCommandPath);
        File.WriteAllText(runCommand, config.Command);
        try
        {
            File.SetUnixFileMode(runCommand, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"Failed to set permission of {RunCommandPath} to 0o644: {e.Message}");
        }

        foreach (var entry in config.Permissions)
        {
            permissions.Apply(entry);
        }
    }

    private static void CreateDirectory(StartRoot root, string path)
    {
        try
        {
            Directory.CreateDirectory(root.Host(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StartException.Crash("OSError", $"Can't create destination directory ({path}): {e.Message}");
        }
    }

    private static void CreateFile(StartRoot root, string path)
    {
        var host = root.Host(path);
        var status = Posix.TryStat(host, followLinks: false);
        if (status is { IsSymbolicLink: true })
        {
            throw StartException.Crash("OSError", $"Path is a symbolic link, expected regular file: {path}");
        }

        if (status is { IsDirectory: true })
        {
            throw StartException.Crash("OSError", $"Path is a directory, expected file: {path}");
        }

        if (status is null)
        {
            if (Posix.TryStat(Path.GetDirectoryName(host) ?? "/", followLinks: true) is not { IsDirectory: true })
            {
                throw StartException.Crash("OSError", $"Parent directory does not exist: {path}");
            }

            File.WriteAllBytes(host, []);
        }
    }
}
