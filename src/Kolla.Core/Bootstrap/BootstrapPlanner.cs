using System.Globalization;
using System.Text;
using Kolla.Hosts;

namespace Kolla.Bootstrap;

/// <summary>
/// The steps that bring one Debian-family host to what the <c>openstack.kolla.baremetal</c> role leaves, from what the
/// host has now: only what differs becomes a step, so a prepared host yields none. Pure: no I/O.
/// </summary>
/// <remarks>
/// The order is the role's: firewall, the packages role (install, then remove the conflicting ones), the engine
/// (docker.service masked while apt installs it, so it does not start with default iptables rules), /etc/docker,
/// daemon.json, the engine's unit (unmasked, enabled, started; restarted when daemon.json changed), the kolla user,
/// node_config_directory, kolla.target.
/// </remarks>
internal static class BootstrapPlanner
{
    private const string DockerUnit = "/etc/systemd/system/docker.service";

    private static readonly int s_0755 = Convert.ToInt32("755", 8);
    private static readonly int s_0644 = Convert.ToInt32("644", 8);
    private static readonly int s_0640 = Convert.ToInt32("640", 8);
    private static readonly int s_0700 = Convert.ToInt32("700", 8);
    private static readonly int s_0600 = Convert.ToInt32("600", 8);

    /// <summary>The steps for one host, in the order they run, and the notes a reader should see (what cannot be done on this host).</summary>
    /// <exception cref="BootstrapException">The host is not a Debian-family system.</exception>
    public static (IReadOnlyList<PreparationStep> Steps, IReadOnlyList<string> Notes) Plan(BootstrapSettings settings, HostObservation host)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(host);
        if (!host.IsDebianFamily)
        {
            throw new BootstrapException($"bootstrap-servers prepares Debian-family hosts only; this host's /etc/os-release says ID={(host.OsId.Length == 0 ? "(none)" : host.OsId)}");
        }

        var steps = new List<PreparationStep>();
        var notes = new List<string>();

        if (settings.DisableFirewall && host.UfwStatus is not null && (host.UfwStatus != "inactive" || host.UfwIncomingPolicy != "allow"))
        {
            steps.Add(new PreparationStep(PreparationStepKind.Firewall, "disable ufw, default incoming policy allow")
            {
                Script = "ufw default allow incoming >/dev/null\nufw disable >/dev/null\n",
            });
        }

        var missing = settings.Packages.Where(p => !host.InstalledPackages.Contains(p)).ToList();
        if (missing.Count > 0)
        {
            steps.Add(new PreparationStep(PreparationStepKind.InstallPackages, "install " + string.Join(' ', missing)) { Script = AptInstall(missing) });
        }

        var conflicting = settings.Removals.Where(host.InstalledPackages.Contains).ToList();
        if (conflicting.Count > 0)
        {
            steps.Add(new PreparationStep(PreparationStepKind.RemovePackages, "remove " + string.Join(' ', conflicting))
            {
                Script = "export DEBIAN_FRONTEND=noninteractive\napt-get remove -y -q " + string.Join(' ', conflicting.Select(ShellText.Quote)) + "\n",
            });
        }

        var engineMissing = settings.EnginePackages.Where(p => !host.InstalledPackages.Contains(p)).ToList();
        var maskedAfterInstall = host.DockerUnitOverride == "/dev/null" || (engineMissing.Count > 0 && host.DockerUnitOverride is null);
        if (engineMissing.Count > 0)
        {
            steps.Add(new PreparationStep(PreparationStepKind.InstallPackages, "install " + string.Join(' ', engineMissing) + " (docker.service masked meanwhile)")
            {
                Script = $"u={DockerUnit}\nif [ ! -e \"$u\" ] && [ ! -L \"$u\" ]; then mkdir -p /etc/systemd/system && ln -s /dev/null \"$u\"; fi\n" + AptInstall(engineMissing),
            });
        }

        AddDirectory(steps, host, "/etc/docker", new HostFileMode(s_0755));
        var daemonChanged = AddFile(steps, host, BootstrapSettings.DaemonJsonPath, settings.DaemonJson, new HostFileMode(s_0644));
        AddEngineService(steps, notes, host, maskedAfterInstall, daemonChanged, engineMissing.Count > 0);

        if (settings.CreateKollaUser)
        {
            AddKollaUser(steps, settings, host);
        }

        AddDirectory(steps, host, settings.NodeConfigDirectory, settings.CreateKollaUser ? new HostFileMode(s_0755, settings.KollaUser, settings.KollaGroup) : new HostFileMode(s_0755));
        AddFile(steps, host, BootstrapSettings.KollaTargetPath, BootstrapSettings.KollaTarget, new HostFileMode(s_0644));
        return (steps, notes);
    }

    /// <summary>lineinfile with <c>regexp: '^USER'</c>, <c>create: true</c>: the last line starting with the user is replaced by the line, else the line is appended unless present.</summary>
    public static byte[] SudoersContent(byte[]? current, string user, string line)
    {
        var text = current is null ? "" : Encoding.UTF8.GetString(current);
        var lines = text.Length == 0 ? new List<string>() : text.TrimEnd('\n').Split('\n').ToList();
        var match = lines.FindLastIndex(l => l.StartsWith(user, StringComparison.Ordinal));
        if (match >= 0)
        {
            lines[match] = line;
        }
        else if (!lines.Contains(line))
        {
            lines.Add(line);
        }
        else
        {
            return current!;
        }

        var updated = string.Join('\n', lines) + "\n";
        return updated == text ? current! : Encoding.UTF8.GetBytes(updated);
    }

    private static void AddEngineService(List<PreparationStep> steps, List<string> notes, HostObservation host, bool masked, bool daemonChanged, bool installed)
    {
        const string Unmask = "u=" + DockerUnit + "\nif [ -L \"$u\" ] && [ \"$(readlink \"$u\")\" = /dev/null ]; then rm -f \"$u\"; fi\n";
        if (!host.SystemdRunning)
        {
            if (masked)
            {
                steps.Add(new PreparationStep(PreparationStepKind.Service, "unmask docker.service") { Script = Unmask });
            }

            if (masked || daemonChanged || installed)
            {
                notes.Add("systemd is not running on this host: docker is neither enabled nor started");
            }

            return;
        }

        var actions = new List<string>();
        if (masked)
        {
            actions.Add("unmask");
        }

        if (host.DockerEnabled != "enabled" || installed)
        {
            actions.Add("enable");
        }

        var restart = daemonChanged && !installed && host.DockerActive == "active";
        if (restart)
        {
            actions.Add("restart (daemon.json changed)");
        }
        else if (host.DockerActive != "active" || installed || daemonChanged)
        {
            actions.Add("start");
        }

        if (actions.Count == 0)
        {
            return;
        }

        var script = new StringBuilder(Unmask).Append("systemctl daemon-reload\nsystemctl enable docker\n");
        script.Append(restart || daemonChanged ? "systemctl restart docker\n" : "systemctl start docker\n");
        steps.Add(new PreparationStep(PreparationStepKind.Service, "docker.service: " + string.Join(", ", actions)) { Script = script.ToString() });
    }

    private static void AddKollaUser(List<PreparationStep> steps, BootstrapSettings settings, HostObservation host)
    {
        var user = settings.KollaUser;
        var group = settings.KollaGroup;
        var groups = new[] { "docker", "sudo", group }.Distinct(StringComparer.Ordinal).Where(g => !host.Groups.Contains(g)).ToList();
        if (groups.Count > 0)
        {
            steps.Add(new PreparationStep(PreparationStepKind.Group, "create group(s) " + string.Join(' ', groups))
            {
                // Guarded: an earlier step of the same run (docker.io's postinst) may have made the group.
                Script = string.Concat(groups.Select(g => $"getent group {ShellText.Quote(g)} >/dev/null || groupadd {ShellText.Quote(g)}\n")),
            });
        }

        if (host.User is null)
        {
            steps.Add(new PreparationStep(PreparationStepKind.User, $"create user {user} (group {group}, also in docker, sudo)")
            {
                Script = $"getent passwd {ShellText.Quote(user)} >/dev/null || useradd -m -g {ShellText.Quote(group)} -G docker,sudo {ShellText.Quote(user)}\n",
            });
        }
        else if (host.User.PrimaryGroup != group || !host.User.Groups.Contains("docker") || !host.User.Groups.Contains("sudo"))
        {
            steps.Add(new PreparationStep(PreparationStepKind.User, $"set user {user}'s group to {group}, add it to docker, sudo")
            {
                Script = $"usermod -g {ShellText.Quote(group)} -a -G docker,sudo {ShellText.Quote(user)}\n",
            });
        }

        if (settings.KollaPublicKey is { } key)
        {
            var home = host.User?.Home is { Length: > 0 } h ? h : "/home/" + user;
            var keys = home + "/.ssh/authorized_keys";
            AddDirectory(steps, host, home + "/.ssh", new HostFileMode(s_0700, user, group));
            host.Files.TryGetValue(keys, out var current);
            var text = current is null ? "" : Encoding.UTF8.GetString(current);
            var content = text.Split('\n').Any(l => l.Trim() == key)
                ? current!
                : Encoding.UTF8.GetBytes(text + (text.Length > 0 && !text.EndsWith('\n') ? "\n" : "") + key + "\n");
            AddFile(steps, host, keys, content, new HostFileMode(s_0600, user, group));
        }

        if (settings.KollaUserSudoers)
        {
            if (!host.Paths.ContainsKey("/etc/sudoers.d"))
            {
                AddDirectory(steps, host, "/etc/sudoers.d", new HostFileMode(s_0755));
            }

            host.Files.TryGetValue(BootstrapSettings.SudoersPath, out var current);
            AddFile(steps, host, BootstrapSettings.SudoersPath, SudoersContent(current, user, settings.SudoersLine), new HostFileMode(s_0640));
        }
    }

    private static string AptInstall(IEnumerable<string> packages) =>
        "export DEBIAN_FRONTEND=noninteractive\n"
        + "s=/var/lib/apt/periodic/update-success-stamp; [ -e \"$s\" ] || s=/var/lib/apt/lists\n"
        + "if [ $(( $(date +%s) - $(stat -c %Y \"$s\") )) -ge 3600 ] || [ -z \"$(ls /var/lib/apt/lists | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$')\" ]; then apt-get update -q; fi\n"
        + "apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold " + string.Join(' ', packages.Select(ShellText.Quote)) + "\n";

    private static void AddDirectory(List<PreparationStep> steps, HostObservation host, string path, HostFileMode mode)
    {
        if (host.Paths.TryGetValue(path, out var state) && state.IsDirectory && state.Mode == mode.Mode && OwnedAs(state, mode))
        {
            return;
        }

        var what = state is null || !state.IsDirectory
            ? $"create directory {path} ({Octal(mode.Mode)}{Owners(mode)})"
            : $"set {path} to {Octal(mode.Mode)}{Owners(mode)} (was {Octal(state.Mode)} {state.Owner}:{state.Group})";
        steps.Add(new PreparationStep(PreparationStepKind.Directory, what) { Path = path, Mode = mode });
    }

    private static bool AddFile(List<PreparationStep> steps, HostObservation host, string path, byte[] content, HostFileMode mode)
    {
        host.Files.TryGetValue(path, out var current);
        host.Paths.TryGetValue(path, out var state);
        var same = current is not null && current.AsSpan().SequenceEqual(content);
        if (same && state is not null && state.Mode == mode.Mode && OwnedAs(state, mode))
        {
            return false;
        }

        var what = current is null ? $"create {path} ({Octal(mode.Mode)}{Owners(mode)})"
            : same ? $"set {path} to {Octal(mode.Mode)}{Owners(mode)}"
            : $"update {path}";
        steps.Add(new PreparationStep(PreparationStepKind.File, what) { Path = path, Mode = mode, Content = content, Current = current });
        return !same;
    }

    private static bool OwnedAs(PathState state, HostFileMode mode) =>
        (mode.Owner is null || mode.Owner == state.Owner) && (mode.Group is null || mode.Group == state.Group);

    private static string Octal(int mode) => "0" + Convert.ToString(mode, 8).PadLeft(3, '0');

    private static string Owners(HostFileMode mode) => mode.Owner is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {mode.Owner}:{mode.Group ?? mode.Owner}");
}
