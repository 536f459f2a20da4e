using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Kolla.Facts;

/// <summary>Reads the raw material of this machine's facts in process: <c>/proc</c>, <c>/sys</c>, <c>/etc</c>, netlink and the resolver.</summary>
internal static partial class LocalSource
{
    /// <summary>Reads everything <see cref="FactsBuilder"/> needs.</summary>
    public static async Task<FactsSource> ReadAsync(CancellationToken cancellationToken)
    {
        var nodename = Read("/proc/sys/kernel/hostname")?.TrimEnd('\n') ?? Environment.MachineName;
        var meminfo = Read("/proc/meminfo");
        var cpuinfo = Read("/proc/cpuinfo");
        return new FactsSource
        {
            Nodename = nodename,
            System = Read("/proc/sys/kernel/ostype")?.Trim() ?? "Linux",
            Kernel = Read("/proc/sys/kernel/osrelease")?.Trim(),
            KernelVersion = Read("/proc/sys/kernel/version")?.Trim(),
            Machine = Read("/proc/sys/kernel/arch")?.Trim() ?? Machine(RuntimeInformation.OSArchitecture),
            ReverseNames = await HostNames.ReverseNamesAsync(nodename, "/etc/hosts", cancellationToken).ConfigureAwait(false),
            Cpu = cpuinfo is null ? null : CpuInfoSummary.FromCpuInfo(cpuinfo, Xen()),
            MeminfoReadable = meminfo is not null,
            MemTotal = meminfo?.Split('\n').LastOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?["MemTotal:".Length..],
            Distribution = Distribution(),
            Network = Network(),
        };
    }

    private static DistributionSource Distribution()
    {
        var files = new Dictionary<string, ReleaseFile>(StringComparer.Ordinal);
        foreach (var path in DistributionFacts.FilePaths)
        {
            if (File.Exists(path) && Read(path) is { } content)
            {
                files[path] = new ReleaseFile(content.Length > 0, content);
            }
        }

        var releaseFiles = new List<ReleaseFileLine>();
        foreach (var path in Entries("/etc"))
        {
            var name = Path.GetFileName(path);
            if (ReleaseFileGlob().IsMatch(name) && File.Exists(path))
            {
                releaseFiles.Add(new ReleaseFileLine(name, FirstLine(path)));
            }
        }

        var debian = File.Exists("/etc/debian_version") ? (FirstLine("/etc/debian_version") ?? string.Empty).TrimEnd() : null;
        return new DistributionSource(files, releaseFiles, debian);
    }

    private static NetworkSource Network()
    {
        var devices = new List<DeviceSource>();
        var names = new Dictionary<int, string>();
        foreach (var path in Entries("/sys/class/net").Where(Directory.Exists))
        {
            var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var name in NetworkFacts.AttributeNames)
            {
                var file = Path.Combine(path, name);
                if (File.Exists(file) || Directory.Exists(file))
                {
                    attributes[name] = NetworkFacts.LinkAttributes.Contains(name) ? LinkName(file) : ReadTrimmed(file);
                }
            }

            var device = new DeviceSource(Path.GetFileName(path), attributes, Entries(Path.Combine(path, "brif")).Select(Path.GetFileName).ToList()!);
            devices.Add(device);
            if (attributes.GetValueOrDefault("ifindex") is { } index && int.TryParse(index, out var number))
            {
                names.TryAdd(number, device.Name);
            }
        }

        using var netlink = Netlink.Open();
        string Name(int index) => names.TryGetValue(index, out var name) ? name : $"if{index}";
        return new NetworkSource(
            devices,
            netlink.Addresses(),
            netlink.RouteGet(IPAddress.Parse(NetworkFacts.RouteV4Target), Name),
            netlink.RouteGet(IPAddress.Parse(NetworkFacts.RouteV6Target), Name));
    }

    private static bool Xen()
    {
        if (File.Exists("/proc/xen") || Directory.Exists("/proc/xen"))
        {
            return true;
        }

        return Read("/sys/hypervisor/type")?.Trim().Split('\n')[0].Trim() == "xen";
    }

    private static string? Machine(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.X86 => "i686",
        Architecture.Arm => "armv7l",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loongarch64",
        _ => null,
    };

    private static IEnumerable<string> Entries(string directory)
    {
        try
        {
            return Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadTrimmed(string path) => Read(path)?.Trim() is { Length: > 0 } text ? text : null;

    private static string? FirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string LinkName(string path)
    {
        var target = new FileInfo(path).LinkTarget;
        return target is null ? Path.GetFileName(path) : Path.GetFileName(target.TrimEnd('/'));
    }

    [GeneratedRegex(@"[-_](release|version)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseFileGlob();
}
