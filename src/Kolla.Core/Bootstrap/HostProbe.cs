using System.Globalization;
using System.Text;
using Kolla.Hosts;

namespace Kolla.Bootstrap;

/// <summary>
/// Reads, in one read-only shell command, everything the preparation of a host depends on: the system, the packages,
/// the docker unit, ufw, the kolla account, and the state and content of the directories and files it manages.
/// </summary>
/// <remarks>Each output line is a tab-separated record (<c>os</c>, <c>pkg</c>, <c>stat</c>, <c>file</c> with base64 content, ...).</remarks>
internal static class HostProbe
{
    /// <summary>The probe script for <paramref name="settings"/>.</summary>
    public static string Script(BootstrapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var packages = settings.EnginePackages.Concat(settings.Packages).Concat(settings.Removals).Append("ufw").Distinct(StringComparer.Ordinal);
        var user = ShellText.Quote(settings.KollaUser);
        var paths = new[] { "/etc/docker", settings.NodeConfigDirectory, "/etc/sudoers.d", BootstrapSettings.DaemonJsonPath, BootstrapSettings.KollaTargetPath, BootstrapSettings.SudoersPath };
        var files = new[] { BootstrapSettings.DaemonJsonPath, BootstrapSettings.KollaTargetPath, BootstrapSettings.SudoersPath };
        var script = new StringBuilder();
        script.Append("export LC_ALL=C\n");
        script.Append("if [ -r /etc/os-release ]; then . /etc/os-release; fi\n");
        script.Append("printf 'os\\t%s\\t%s\\n' \"${ID:-}\" \"${ID_LIKE:-}\"\n");
        script.Append("command -v dpkg-query >/dev/null 2>&1 && dpkg-query -W -f='pkg\\t${Package}\\t${Status}\\n' ")
            .AppendJoin(' ', packages.Select(ShellText.Quote)).Append(" 2>/dev/null\n");
        script.Append("if [ -d /run/systemd/system ]; then printf 'systemd\\tyes\\n'; ")
            .Append("printf 'docker\\t%s\\t%s\\n' \"$(systemctl is-enabled docker 2>/dev/null)\" \"$(systemctl is-active docker 2>/dev/null)\"; fi\n");
        script.Append("u=/etc/systemd/system/docker.service\n");
        script.Append("if [ -L \"$u\" ]; then printf 'unit\\t%s\\n' \"$(readlink \"$u\")\"; elif [ -e \"$u\" ]; then printf 'unit\\t\\n'; fi\n");
        script.Append("if command -v ufw >/dev/null 2>&1; then ufw status verbose 2>/dev/null | sed -n -e 's/^Status: */ufw\\t/p' -e 's/^Default: *\\([a-z]*\\) (incoming).*/ufwdefault\\t\\1/p'; fi\n");
        script.Append("for g in docker sudo ").Append(ShellText.Quote(settings.KollaGroup)).Append("; do getent group \"$g\" >/dev/null && printf 'group\\t%s\\n' \"$g\"; done\n");
        script.Append("if pw=$(getent passwd ").Append(user).Append("); then home=$(printf '%s' \"$pw\" | cut -d: -f6); ")
            .Append("printf 'user\\t%s\\t%s\\t%s\\n' \"$(id -gn ").Append(user).Append(")\" \"$home\" \"$(id -Gn ").Append(user).Append(")\"; ")
            .Append("set -- \"$home\" \"$home/.ssh\" \"$home/.ssh/authorized_keys\"; else home=; set --; fi\n");
        script.Append("for p in ").AppendJoin(' ', paths.Select(ShellText.Quote)).Append(" \"$@\"; do ")
            .Append("if [ -e \"$p\" ]; then stat --printf 'stat\\t%n\\t%F\\t%a\\t%U\\t%G\\n' -- \"$p\"; fi; done\n");
        script.Append("for f in ").AppendJoin(' ', files.Select(ShellText.Quote)).Append(" ${home:+\"$home/.ssh/authorized_keys\"}; do ")
            .Append("if [ -f \"$f\" ]; then printf 'file\\t%s\\t' \"$f\"; base64 -w0 < \"$f\"; printf '\\n'; fi; done\n");
        return script.ToString();
    }

    /// <summary>Reads the probe's output.</summary>
    /// <exception cref="BootstrapException">A line is not one the probe writes.</exception>
    public static HostObservation Parse(string host, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var observation = new HostObservation();
        var installed = new HashSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var paths = new Dictionary<string, PathState>(StringComparer.Ordinal);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            try
            {
                switch (f[0])
                {
                    case "os":
                        observation = observation with { OsId = f[1], OsIdLike = f[2] };
                        break;
                    case "pkg" when f[2] == "install ok installed":
                        installed.Add(f[1]);
                        break;
                    case "pkg":
                        break;
                    case "systemd":
                        observation = observation with { SystemdRunning = true };
                        break;
                    case "docker":
                        observation = observation with { DockerEnabled = f[1], DockerActive = f[2] };
                        break;
                    case "unit":
                        observation = observation with { DockerUnitOverride = f[1] };
                        break;
                    case "ufw":
                        observation = observation with { UfwStatus = f[1] };
                        break;
                    case "ufwdefault":
                        observation = observation with { UfwIncomingPolicy = f[1] };
                        break;
                    case "group":
                        groups.Add(f[1]);
                        break;
                    case "user":
                        observation = observation with { User = new UnixUser(f[1], f[2], f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)) };
                        break;
                    case "stat":
                        paths[f[1]] = new PathState(f[2] == "directory", Convert.ToInt32(f[3], 8), f[4], f[5]);
                        break;
                    case "file":
                        files[f[1]] = Convert.FromBase64String(f[2]);
                        break;
                    default:
                        throw new FormatException("unknown record");
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new BootstrapException(string.Create(CultureInfo.InvariantCulture, $"{host}: unexpected output while reading the host: '{(line.Length > 120 ? line[..120] + "…" : line)}'"), e);
            }
        }

        return observation with
        {
            InstalledPackages = installed,
            Groups = groups,
            Paths = paths,
            Files = files,
        };
    }

    /// <summary>Runs the probe through <paramref name="commands"/>.</summary>
    /// <exception cref="BootstrapException">The probe failed or wrote something else.</exception>
    public static async Task<HostObservation> ReadAsync(string host, IHostCommands commands, BootstrapSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var result = await commands.RunScriptAsync(Script(settings), TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        return result.ExitCode != 0
            ? throw new BootstrapException($"{host}: reading the host failed (exit status {result.ExitCode}): {result.Error.Trim()}")
            : Parse(host, result.Output);
    }
}
