using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary>Options shared by the lifecycle verbs, with kolla-ansible's names and defaults.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Inventory() => new("--inventory", "-i")
    {
        Description = "Ansible inventory file (INI or YAML); may be given more than once.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> ConfigDir() => new("--configdir")
    {
        Description = "Directory holding globals.yml, passwords.yml and the config/ override tree.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KOLLA_CONFIG_PATH") ?? "/etc/kolla",
    };

    public static Option<string?> Passwords() => new("--passwords")
    {
        Description = "Path to passwords.yml (default: CONFIGDIR/passwords.yml).",
    };

    public static Option<string> Executor()
    {
        var option = new Option<string>("--executor")
        {
            Description = "How hosts are reached: docker (local engine), ssh, dry-run, or auto (docker for ansible_connection=local, ssh otherwise).",
            DefaultValueFactory = _ => "auto",
        };
        option.CompletionSources.Add([.. CliServices.Executors]);
        return option;
    }
}
