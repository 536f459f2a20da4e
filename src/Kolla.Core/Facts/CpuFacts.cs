using System.Globalization;

namespace Kolla.Facts;

/// <summary>Ansible's CPU and memory facts: <c>processor_count</c>, <c>processor_cores</c>, <c>processor_threads_per_core</c>, <c>processor_vcpus</c> and <c>memtotal_mb</c>.</summary>
/// <remarks>
/// Ansible's <c>LinuxHardware.get_cpu_facts</c>, including its quirks: sockets are told apart by <c>physical id</c>,
/// the cores of the first socket and the <c>siblings</c> of the first core seen decide the threads per core, and a
/// <c>core id</c> equal to a known <c>physical id</c> is not counted as a new core. One simplification: on SPARC
/// (<c>ncpus active</c>) the count is that figure, where Ansible adds the processor lines that follow it.
/// </remarks>
internal static class CpuFacts
{
    // The value Python's variables start with before any "physical id"/"core id" line: the integer 0, a key distinct from the text "0".
    private const string InitialId = "\0";

    /// <summary>Adds the CPU facts for <paramref name="cpu"/> on <paramref name="architecture"/> (nothing for <c>s390x</c>).</summary>
    public static void Add(OrderedDictionary<string, object?> facts, CpuInfoSummary cpu, string? architecture)
    {
        long i = cpu.KeyLines;
        foreach (var (key, value) in cpu.Topology)
        {
            if (key == "ncpus active")
            {
                i = Int(value);
            }
        }

        if (cpu.VendorIdLines > 0 && cpu.VendorIdLines == cpu.ModelNameLines)
        {
            i = cpu.VendorIdLines;
        }

        architecture ??= string.Empty;
        if (architecture.StartsWith("armv", StringComparison.Ordinal) || architecture.StartsWith("aarch", StringComparison.Ordinal)
            || architecture.StartsWith("ppc", StringComparison.Ordinal))
        {
            i = cpu.ProcessorLines;
        }

        if (architecture == "s390x")
        {
            return;
        }

        if (cpu.Xen && cpu.FlagsLinesWithoutVme > 0)
        {
            facts["processor_count"] = i;
            facts["processor_cores"] = i;
            facts["processor_threads_per_core"] = 1L;
            facts["processor_vcpus"] = i;
            return;
        }

        var sockets = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        var cores = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        string physicalId = InitialId, coreId = InitialId;
        foreach (var (key, value) in cpu.Topology)
        {
            switch (key)
            {
                case "physical id":
                    physicalId = value;
                    sockets.TryAdd(physicalId, 1);
                    break;
                case "core id":
                    coreId = value;
                    if (!sockets.ContainsKey(coreId))
                    {
                        cores[coreId] = 1;
                    }

                    break;
                case "cpu cores":
                    sockets[physicalId] = Int(value);
                    break;
                case "siblings":
                    cores[coreId] = Int(value);
                    break;
            }
        }

        long count = sockets.Count > 0 ? sockets.Count : i;
        long coresPerSocket = sockets.Count > 0 && sockets.GetAt(0).Value != 0 ? sockets.GetAt(0).Value : 1;
        var threads = FloorDivide(cores.Count > 0 ? cores.GetAt(0).Value : 1, coresPerSocket);
        facts["processor_count"] = count;
        facts["processor_cores"] = coresPerSocket;
        facts["processor_threads_per_core"] = threads;
        facts["processor_vcpus"] = threads * count * coresPerSocket;
    }

    /// <summary>Adds <c>memtotal_mb</c>: the <c>MemTotal</c> kB figure divided by 1024, rounded down.</summary>
    public static void AddMemory(OrderedDictionary<string, object?> facts, string? memTotal)
    {
        if (memTotal is null)
        {
            return;
        }

        var number = memTotal.Trim().Split(' ')[0];
        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var kb))
        {
            facts["memtotal_mb"] = FloorDivide(kb, 1024);
        }
    }

    private static long Int(string value) =>
        long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    // Python's //: the quotient rounded towards negative infinity.
    private static long FloorDivide(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}
