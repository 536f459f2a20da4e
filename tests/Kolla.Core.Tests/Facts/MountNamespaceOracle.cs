using System.Text;
using System.Text.Json;
using Kolla.Facts;
using Kolla.TestKit;

namespace Kolla.Core.Tests.Facts;

/// <summary>
/// Runs Ansible's own fact code and the remote facts script side by side in a private mount namespace in which
/// <c>/etc</c> holds only the given distribution files (and <c>/proc/cpuinfo</c> the given text), so both see the same
/// made-up host. <c>lsb_release</c> is hidden, as on hosts without the lsb-release package.
/// </summary>
internal static class MountNamespaceOracle
{
    private const string Setup = """
        set -e
        T=$1
        mkdir -p "$T/etc"
        mount -t tmpfs none "$T/etc"
        cp -a /etc/. "$T/etc/"
        (cd "$T/etc" && rm -rf os-release debian_version lsb-release ./*-release ./*_release ./*-version ./*_version)
        if [ -d "$T/root/etc" ]; then cp -a "$T/root/etc/." "$T/etc/"; fi
        mount --bind "$T/etc" /etc
        if [ -e "$T/root/usr/lib/os-release" ]; then mount --bind "$T/root/usr/lib/os-release" /usr/lib/os-release; else mount --bind /dev/null /usr/lib/os-release; fi
        if [ -e /usr/bin/lsb_release ]; then mount --bind /bin/false /usr/bin/lsb_release; fi
        if [ -e "$T/root/proc/cpuinfo" ]; then mount --bind "$T/root/proc/cpuinfo" /proc/cpuinfo; fi
        /usr/bin/python3 "$T/oracle.py" > "$T/ansible.json"
        sh "$T/facts.sh" > "$T/facts.out"
        """;

    private const string Oracle = """
        import json, sys
        from ansible.module_utils.facts.system.distribution import DistributionFactCollector
        from ansible.module_utils.facts.hardware.linux import LinuxHardware

        class Module:
            def run_command(self, *args, **kwargs):
                return 1, '', ''
            def get_bin_path(self, *args, **kwargs):
                return None
            def debug(self, *args, **kwargs):
                pass

        facts = DistributionFactCollector().collect(module=Module())
        cpu = LinuxHardware(module=Module()).get_cpu_facts(collected_facts={'ansible_architecture': 'x86_64'})
        facts.update({k: v for k, v in cpu.items() if k in ('processor_count', 'processor_cores', 'processor_threads_per_core', 'processor_vcpus')})
        json.dump(facts, sys.stdout)
        """;

    /// <summary>Requires root, <c>unshare</c> and Ansible.</summary>
    public static void Require()
    {
        AnsibleSetup.Require();
        if (!TestRig.IsRoot)
        {
            throw TestRig.Unavailable("the mount-namespace oracle needs root (" + TestRig.InstallHint + ")");
        }
    }

    /// <summary>Ansible's facts (distribution and CPU) and the script's facts for a host made of <paramref name="files"/>.</summary>
    public static async Task<(Dictionary<string, object?> Ansible, HostFacts Script)> RunAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        Require();
        var dir = Directory.CreateTempSubdirectory("kolla-facts-mntns-").FullName;
        try
        {
            foreach (var (path, content) in files)
            {
                var target = Path.Combine(dir, "root", path.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, content, cancellationToken);
            }

            await File.WriteAllTextAsync(Path.Combine(dir, "oracle.py"), Oracle, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(dir, "facts.sh"), RemoteFactsScript.Script, cancellationToken);
            (await ExternalCommand.RunAsync("unshare", ["-m", "sh", "-c", Setup, "sh", dir], cancellationToken: cancellationToken)).EnsureSuccess();
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(dir, "ansible.json"), cancellationToken));
            var ansible = json.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => (object?)p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetInt64(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => p.Value.GetRawText(),
                });
            var script = RemoteFactsScript.Parse("oracle", Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(Path.Combine(dir, "facts.out"), cancellationToken)));
            return (ansible, script);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
