using System.Text;

namespace Kolla.Core.Tests.Facts;

/// <summary><c>/proc/cpuinfo</c> texts, with the CPU facts Ansible reports for them on x86_64.</summary>
internal static class CpuInfoSamples
{
    public static readonly IReadOnlyDictionary<string, (string Text, long Count, long Cores, long ThreadsPerCore, long Vcpus)> All =
        new Dictionary<string, (string, long, long, long, long)>
        {
            ["two-sockets-hyperthreaded"] = (X86(sockets: 2, cores: 4, threads: 2), 2, 4, 2, 16),
            ["one-socket"] = (X86(sockets: 1, cores: 2, threads: 1), 1, 2, 1, 2),
            ["arm-without-topology"] = (Arm(4), 4, 1, 1, 4),
            ["core-id-before-siblings"] = (CoreIdFirst(), 1, 2, 1, 2),
        };

    private static string X86(int sockets, int cores, int threads)
    {
        var text = new StringBuilder();
        var processor = 0;
        for (var t = 0; t < threads; t++)
        {
            for (var s = 0; s < sockets; s++)
            {
                for (var c = 0; c < cores; c++)
                {
                    text.Append($"processor\t: {processor++}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n")
                        .Append("model name\t: Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz\nstepping\t: 4\ncpu MHz\t\t: 2100.000\n")
                        .Append($"physical id\t: {s}\nsiblings\t: {cores * threads}\ncore id\t\t: {c}\ncpu cores\t: {cores}\n")
                        .Append("flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep\nbogomips\t: 4200.00\n\n");
                }
            }
        }

        return text.ToString();
    }

    private static string Arm(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"processor\t: {i}\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid\n")
                .Append("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n\n");
        }

        return text.ToString();
    }

    private static string CoreIdFirst() =>
        "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nphysical id\t: 0\ncore id\t\t: 0\nsiblings\t: 2\ncpu cores\t: 2\n\n"
        + "processor\t: 1\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nphysical id\t: 0\ncore id\t\t: 1\nsiblings\t: 2\ncpu cores\t: 2\n";
}
