using System.CommandLine;
using Kolla.Deployment;
using Kolla.Operations;
using Kolla.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace Kolla.Cli.Commands;

/// <summary>The options every lifecycle verb (deploy, plan, check, genconfig, ...) takes, and what they build.</summary>
internal sealed class LifecycleOptions
{
    public Option<string[]> Inventory { get; } = CommonOptions.Inventory();

    public Option<string> ConfigDir { get; } = CommonOptions.ConfigDir();

    public Option<string?> Passwords { get; } = CommonOptions.Passwords();

    public Option<string> Executor { get; } = CommonOptions.Executor();

    public Option<string?> Limit { get; } = new("--limit", "-l") { Description = "Ansible host pattern: only these hosts (e.g. 'control01,compute*', 'compute:!compute03')." };

    public Option<string[]> Tags { get; } = new("--tags", "-t") { Description = "Only these services (comma-separated or repeated).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> SkipTags { get; } = new("--skip-tags") { Description = "Leave these services out.", AllowMultipleArgumentsPerToken = false };

    public Option<int> Forks { get; } = WholeNumberOption.Create("--forks", [], "Hosts worked on at once.", minimum: 1, defaultValue: 10);

    public Option<string[]> ExtraVars { get; } = new("--extra-vars", "-e") { Description = "Extra variables: KEY=VALUE, JSON/YAML, or @FILE (highest precedence).", AllowMultipleArgumentsPerToken = false };

    public Option<string?> Catalogue { get; } = new("--catalogue") { Description = "Directory of catalogue overlays: your own services, or replacements for built-in definitions and templates." };

    public Option<string?> SshKey { get; } = new("--private-key") { Description = "SSH private key for remote hosts (ansible_ssh_private_key_file overrides it per host)." };

    public Option<string> KnownHosts { get; } = new("--known-hosts") { Description = "known_hosts file used to verify SSH host keys.", DefaultValueFactory = _ => "~/.ssh/known_hosts" };

    public Option<bool> AcceptUnknownHostKeys { get; } = new("--accept-unknown-host-keys") { Description = "Trust SSH host keys not in known_hosts (changed keys are still refused)." };

    public Option<string?> SshConfig { get; } = new("--ssh-config", "-F") { Description = "OpenSSH client config read for every SSH host (default ~/.ssh/config when it exists; 'none' for no file); inventory ansible_* variables win over it." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show full error details." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON event per line and nothing else on stdout." };

    public Option<string?> FactsCache { get; } = new("--facts-cache")
    {
        Description = "Ansible jsonfile fact cache directory (default: CONFIGDIR/facts when it exists): cached hosts are not gathered again, gathered ones are written there (needed for remote hosts with --executor dry-run).",
    };

    public Option<string> GlobalsPrecedence { get; } = new("--globals-precedence")
    {
        Description = "Where globals.yml sits: 'inventory' (default: inventory group and host vars override globals) or 'kolla-ansible' (globals override the inventory, as kolla-ansible's -e @globals.yml does).",
        DefaultValueFactory = _ => "inventory",
    };

    public Option<bool> AllowUnimplemented { get; } = new("--allow-unimplemented") { Description = "Continue when globals, inventory or -e ask for something the catalogue does not implement (enable_cinder, TLS, Podman, OVN, ...): warn instead of refusing." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Inventory, ConfigDir, Passwords, Executor, Limit, Tags, SkipTags, Forks, ExtraVars, Catalogue, SshKey, KnownHosts, AcceptUnknownHostKeys, SshConfig, Verbose, Json, GlobalsPrecedence, FactsCache, AllowUnimplemented })
        {
            command.Options.Add(option);
        }
    }

    public DeploymentInputsOptions InputsOptions(ParseResult parse, bool generatePasswords) => new()
    {
        Inventories = (parse.GetValue(Inventory) ?? []).Select(CliPaths.ExpandHome).ToArray(),
        ConfigDirectory = CliPaths.ExpandHome(parse.GetValue(ConfigDir)!),
        PasswordsFile = parse.GetValue(Passwords) is { } p ? CliPaths.ExpandHome(p) : null,
        GeneratePasswordsIfMissing = generatePasswords,
        ExtraVars = parse.GetValue(ExtraVars) ?? [],
        CatalogueDirectory = parse.GetValue(Catalogue),
    };

    public PlanOptions PlanOptions(ParseResult parse) => new()
    {
        Limit = parse.GetValue(Limit),
        Tags = Split(parse.GetValue(Tags)),
        SkipTags = Split(parse.GetValue(SkipTags)),
        GlobalsPrecedence = Precedence(parse),
    };

    public Kolla.Variables.GlobalsPrecedence Precedence(ParseResult parse) => parse.GetValue(GlobalsPrecedence) switch
    {
        "inventory" => Kolla.Variables.GlobalsPrecedence.BelowInventory,
        "kolla-ansible" => Kolla.Variables.GlobalsPrecedence.LikeKollaAnsible,
        var other => throw new CliUsageException($"--globals-precedence must be 'inventory' or 'kolla-ansible', not '{other}'"),
    };

    /// <summary>The console of this invocation (set by <see cref="LifecycleRunner"/>): asks for encrypted SSH keys' passphrases.</summary>
    public CliConsole? Console { get; set; }

    /// <summary>True when the verb, as invoked, contacts no container engine (<c>genconfig -o</c>): facts are then gathered without one.</summary>
    public Func<ParseResult, bool>? EnginesUntouched { get; set; }

    private ServiceProvider? _services;

    /// <summary>The library facade of this invocation (one per command run, so fact gathering and the verb share connections).</summary>
    public IKollaDeployer Deployer(ParseResult parse) => Services(parse).GetRequiredService<IKollaDeployer>();

    /// <summary>The services of this invocation: the executors behind <see cref="Deployer"/>.</summary>
    public IServiceProvider Services(ParseResult parse) => _services ??= CreateServices(parse);

    /// <summary>Closes what the executors still hold (connections kept from fact gathering that nothing claimed).</summary>
    public async ValueTask ReleaseAsync()
    {
        if (_services is { } services)
        {
            _services = null;
            await services.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The fact cache: <c>--facts-cache</c>, else <c>CONFIGDIR/facts</c> when it exists (or always, for <c>gather-facts</c>).</summary>
    public string? FactsCacheDirectory(ParseResult parse, bool createDefault = false) =>
        parse.GetValue(FactsCache) is { Length: > 0 } cache ? CliPaths.ExpandHome(cache)
            : Path.Combine(CliPaths.ExpandHome(parse.GetValue(ConfigDir)!), "facts") is var beside && (createDefault || Directory.Exists(beside)) ? beside
            : null;

    /// <summary>Which hosts' facts a verb gathers (every inventory host), from where, and whether it asks for their engines.</summary>
    public GatherFactsOptions FactsOptions(ParseResult parse) => new()
    {
        Plan = PlanOptions(parse),
        WithoutContainerEngine = EnginesUntouched?.Invoke(parse) == true,
        CacheDirectory = FactsCacheDirectory(parse),
        Forks = Math.Max(1, parse.GetValue(Forks)),
    };

    private ServiceProvider CreateServices(ParseResult parse) => CliServices.Create(parse.GetValue(Executor)!, ssh =>
    {
        ssh.KnownHostsFile = parse.GetValue(KnownHosts)!;
        ssh.AcceptUnknownHostKeys = parse.GetValue(AcceptUnknownHostKeys);
        if (parse.GetValue(SshKey) is { } key)
        {
            ssh.PrivateKeyFile = CliPaths.ExpandHome(key);
        }

        if (parse.GetValue(SshConfig) is { } config)
        {
            ssh.SshConfigFile = config == "none" ? config : CliPaths.ExpandHome(config);
        }

        if (Console is { } console)
        {
            ssh.KeyPassphrase = SshKeyPassphrase.Source(console, Environment.GetEnvironmentVariable);
        }
    }, Console?.Error);

    private static string[] Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
