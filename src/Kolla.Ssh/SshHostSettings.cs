using System.Globalization;
using System.Text;
using Kolla.Hosts;
using Kolla.Inventory;

namespace Kolla.Ssh;

/// <summary>The connection settings of one host: inventory variables, then <c>ansible_ssh_common_args</c>, then the ssh
/// config file, then <see cref="SshExecutorOptions"/> (the first that sets a value wins, as ssh(1) takes the first value it
/// obtains and Ansible passes the inventory variables as <c>-o</c> options ahead of everything else).</summary>
/// <param name="Name">Inventory name.</param>
/// <param name="Address">Address connected to (<c>ansible_host</c>, or the ssh config's <c>HostName</c> for it).</param>
/// <param name="Port">SSH port (<c>ansible_port</c>, else the config's <c>Port</c>, else 22).</param>
/// <param name="User">Login user (<c>ansible_user</c>, else the config's <c>User</c>, else the options' user).</param>
/// <param name="KeyFiles">Private key files to offer, in order.</param>
/// <param name="Become">Whether and as whom commands run through sudo, and its password.</param>
internal sealed record SshHostSettings(string Name, string Address, int Port, string User, IReadOnlyList<string> KeyFiles, Become Become)
{
    private static readonly string[] s_defaultKeyFiles = ["~/.ssh/id_ed25519", "~/.ssh/id_ecdsa", "~/.ssh/id_rsa"];
    private static readonly string[] s_passwordVariables = ["ansible_ssh_pass", "ansible_ssh_password", "ansible_password"];
    private static readonly string[] s_becomePasswordVariables = ["ansible_become_password", "ansible_become_pass", "ansible_sudo_password", "ansible_sudo_pass"];

    /// <summary>Login password (<c>ansible_ssh_pass</c>, <c>ansible_password</c>), offered after the keys; null for none.</summary>
    public string? Password { get; init; }

    /// <summary>The ssh-agent socket whose keys are offered after the key files; null for no agent.</summary>
    public string? AgentSocket { get; init; }

    /// <summary>Hosts to go through, in order (<c>ProxyJump</c>); empty to connect directly.</summary>
    public IReadOnlyList<SshJumpHost> Jumps { get; init; } = [];

    /// <summary>known_hosts file (<c>UserKnownHostsFile</c>, else the options').</summary>
    public string KnownHostsFile { get; init; } = "~/.ssh/known_hosts";

    /// <summary>Trust keys known_hosts does not list (<c>StrictHostKeyChecking=accept-new|no</c>, else the options').</summary>
    public bool AcceptUnknownHostKeys { get; init; }

    /// <summary>Append accepted unknown keys to <see cref="KnownHostsFile"/>.</summary>
    public bool AddUnknownHostKeys { get; init; }

    /// <summary>The ssh config file the settings came from, for messages; empty when none was read.</summary>
    public string ConfigFile { get; init; } = string.Empty;

    /// <summary>Settings from the inventory variables and <paramref name="options"/> alone (no ssh config file).</summary>
    /// <exception cref="HostExecutionException">A variable has a value this executor cannot honour.</exception>
    public static SshHostSettings Resolve(HostTarget target, SshExecutorOptions options) => Resolve(target, options, SshConfigFile.None);

    /// <summary>Settings from the inventory variables, <c>ansible_ssh_common_args</c>, <paramref name="config"/> and <paramref name="options"/>.</summary>
    /// <exception cref="HostExecutionException">A variable or config line has a value this executor cannot honour; the message names it.</exception>
    public static SshHostSettings Resolve(HostTarget target, SshExecutorOptions options, SshConfigFile config)
    {
        var variables = target.Variables ?? new Dictionary<string, object?>();
        try
        {
            var commonArgs = Text(variables, SshCommonArgs.Variable) is { } args ? SshCommonArgs.Parse(args) : [];
            var given = new Given(
                target.User ?? Text(variables, "ansible_user"),
                variables.ContainsKey("ansible_port") || target.Port != 22 ? target.Port : null,
                (Text(variables, "ansible_ssh_private_key_file") ?? Text(variables, "ansible_private_key_file")) is { } hostKey ? [hostKey] : null);
            var settings = Build(target.Name, target.Address, given, [.. commonArgs, .. config.OptionsFor(target.Address)], options, config);

            if (Text(variables, "ansible_become_method") is { } method && method != "sudo")
            {
                throw new HostExecutionException(target.Name, $"ansible_become_method '{method}' is not supported; only sudo is");
            }

            var becomeUser = Text(variables, "ansible_become_user");
            var wanted = Flag(target.Name, variables, "ansible_become") ?? options.Become ?? settings.User != "root";
            var needed = settings.User != "root" || (becomeUser is not null && becomeUser != "root");
            var become = wanted && needed
                ? new Become(true, becomeUser) { Password = FirstText(variables, s_becomePasswordVariables) }
                : Become.None;
            return settings with { Become = become, Password = FirstText(variables, s_passwordVariables) };
        }
        catch (FormatException e)
        {
            throw new HostExecutionException(target.Name, e.Message, e);
        }
    }

    /// <summary>Settings of a <c>ProxyJump</c> hop: what the hop gives, then <paramref name="config"/> for its host, then the
    /// options (whose key files are offered to hops too). No become, password or further jumps.</summary>
    /// <exception cref="HostExecutionException">A config line for the hop cannot be honoured.</exception>
    public static SshHostSettings ResolveJump(string hostName, SshJumpHost jump, SshExecutorOptions options, SshConfigFile config)
    {
        var name = $"{hostName} (jump host {jump})";
        try
        {
            var given = new Given(jump.User, jump.Port, jump.IdentityFile is { } key ? [key] : null);
            return Build(name, jump.Host, given, config.OptionsFor(jump.Host), options, config) with { Jumps = [] };
        }
        catch (FormatException e)
        {
            throw new HostExecutionException(name, e.Message, e);
        }
    }

    private static SshHostSettings Build(string name, string host, Given given, IReadOnlyList<SshOption> options, SshExecutorOptions defaults, SshConfigFile config)
    {
        SshOption? First(string keyword) => options.FirstOrDefault(o => o.Keyword == keyword);

        var user = given.User ?? First("user")?.Value ?? defaults.User;
        var port = given.Port ?? (First("port") is { } p ? SshJumpHost.ParsePort(p.Value, p.Source) : 22);
        var address = First("hostname") is { } hostName ? hostName.Value.Replace("%h", host, StringComparison.Ordinal).Replace("%%", "%", StringComparison.Ordinal) : host;

        var keyFiles = new List<string>();
        if (given.KeyFiles is { } explicitKeys)
        {
            keyFiles.AddRange(explicitKeys.Select(HomePath.Expand));
        }
        else
        {
            if (defaults.PrivateKeyFile is { Length: > 0 } single)
            {
                keyFiles.Add(HomePath.Expand(single));
            }

            keyFiles.AddRange(defaults.PrivateKeyFiles.Where(f => f.Length > 0).Select(HomePath.Expand));
        }

        // ssh adds every IdentityFile it is given; one that does not exist is skipped (ssh only warns).
        var configured = options.Where(o => o.Keyword == "identityfile").Select(o => Tokens(o.Value, address, user, port)).ToList();
        keyFiles.AddRange(configured.Where(File.Exists));
        if (keyFiles.Count == 0 && configured.Count == 0)
        {
            keyFiles.AddRange(s_defaultKeyFiles.Select(HomePath.Expand).Where(File.Exists));
        }

        var jump = options.FirstOrDefault(o => o.Keyword is "proxyjump" or "proxycommand");
        var jumps = jump switch
        {
            null => [],
            { Keyword: "proxyjump" } => SshJumpHost.ParseProxyJump(jump.Value, jump.Source),
            _ => SshJumpHost.ParseProxyCommand(jump.Value, jump.Source),
        };

        var (accept, add) = First("stricthostkeychecking") is { } strict
            ? strict.Value.ToLowerInvariant() switch
            {
                "yes" or "ask" => (false, false),
                "accept-new" or "no" or "off" => (true, true),
                var other => throw new FormatException($"{strict.Source}: StrictHostKeyChecking '{other}' is not yes, ask, accept-new, no or off"),
            }
            : (defaults.AcceptUnknownHostKeys, defaults.AddUnknownHostKeys);

        return new SshHostSettings(name, address, port, user, keyFiles.Distinct(StringComparer.Ordinal).ToArray(), Become.None)
        {
            AgentSocket = Agent(First("identityagent"), defaults.AgentSocket),
            Jumps = jumps,
            KnownHostsFile = First("userknownhostsfile") is { } known ? Tokens(known.Value, address, user, port) : defaults.KnownHostsFile,
            AcceptUnknownHostKeys = accept,
            AddUnknownHostKeys = add,
            ConfigFile = config.Path,
        };
    }

    private static string? Agent(SshOption? option, string? defaultSocket) => option?.Value switch
    {
        null or "SSH_AUTH_SOCK" => defaultSocket is { Length: > 0 } ? defaultSocket : null,
        "none" => null,
        ['$', .. var variable] => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } socket ? socket : null,
        var path => HomePath.Expand(path),
    };

    /// <summary>ssh's tokens in file options: <c>%d</c> home, <c>%u</c> local user, <c>%h</c> remote host, <c>%r</c> remote user, <c>%p</c> port, <c>%%</c>.</summary>
    private static string Tokens(string value, string host, string user, int port)
    {
        var expanded = HomePath.Expand(value);
        if (!expanded.Contains('%', StringComparison.Ordinal))
        {
            return expanded;
        }

        var result = new StringBuilder();
        for (var i = 0; i < expanded.Length; i++)
        {
            if (expanded[i] != '%' || i + 1 == expanded.Length)
            {
                result.Append(expanded[i]);
                continue;
            }

            result.Append(expanded[++i] switch
            {
                'd' => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                'u' => Environment.UserName,
                'h' => host,
                'r' => user,
                'p' => port.ToString(CultureInfo.InvariantCulture),
                '%' => "%",
                var other => throw new FormatException($"'{value}': token %{other} is not supported (only %d, %u, %h, %r, %p, %%)"),
            });
        }

        return result.ToString();
    }

    private static string? FirstText(IReadOnlyDictionary<string, object?> variables, IEnumerable<string> names) =>
        names.Select(n => Text(variables, n)).FirstOrDefault(v => v is not null);

    private static string? Text(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null
            : null;

    private static bool? Flag(string host, IReadOnlyDictionary<string, object?> variables, string name)
    {
        if (!variables.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value is bool b)
        {
            return b;
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" or "y" => true,
            "false" or "no" or "off" or "0" or "n" or "" => false,
            var other => throw new HostExecutionException(host, $"{name} is '{other}', not a boolean"),
        };
    }

    private bool PrintMembers(StringBuilder builder)
    {
        // No password in log lines or messages.
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, Address = {Address}, Port = {Port}, User = {User}, KeyFiles = [{string.Join(", ", KeyFiles)}], Become = {Become}, Password = {(Password is null ? "none" : "********")}, Jumps = [{string.Join(", ", Jumps)}]");
        return true;
    }

    /// <summary>What the inventory (or a ProxyJump hop) gives directly, ahead of every option.</summary>
    private sealed record Given(string? User, int? Port, IReadOnlyList<string>? KeyFiles);
}
