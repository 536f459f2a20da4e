using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

public sealed class CpuFactsTests
{
    public static TheoryData<string> Samples => [.. CpuInfoSamples.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Add_CountsAsAnsible(string name)
    {
        var (text, count, cores, threads, vcpus) = CpuInfoSamples.All[name];
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        CpuFacts.Add(facts, CpuInfoSummary.FromCpuInfo(text, xen: false), "x86_64");

        facts.Should().Contain("processor_count", count)
            .And.Contain("processor_cores", cores)
            .And.Contain("processor_threads_per_core", threads)
            .And.Contain("processor_vcpus", vcpus);
    }

    [Fact]
    public void Add_Arm_CountsProcessorLines()
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var summary = CpuInfoSummary.FromCpuInfo(CpuInfoSamples.All["two-sockets-hyperthreaded"].Text, xen: false);

        CpuFacts.Add(facts, summary with { Topology = [] }, "aarch64");

        facts.Should().Contain("processor_count", 16L).And.Contain("processor_vcpus", 16L);
    }

    [Fact]
    public void Add_XenParavirtualGuest_UsesTheProcessorCountForEverything()
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var text = CpuInfoSamples.All["two-sockets-hyperthreaded"].Text.Replace(" vme", string.Empty, StringComparison.Ordinal);

        CpuFacts.Add(facts, CpuInfoSummary.FromCpuInfo(text, xen: true), "x86_64");

        facts.Should().Contain("processor_count", 16L).And.Contain("processor_cores", 16L)
            .And.Contain("processor_threads_per_core", 1L).And.Contain("processor_vcpus", 16L);
    }

    [Fact]
    public void Add_S390x_GivesNoCpuFacts()
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        CpuFacts.Add(facts, CpuInfoSummary.FromCpuInfo(CpuInfoSamples.All["one-socket"].Text, xen: false), "s390x");

        facts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("      24683772 kB", 24105L)]
    [InlineData(" 1023 kB", 0L)]
    public void AddMemory_DividesKilobytesBy1024(string memTotal, long expected)
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        CpuFacts.AddMemory(facts, memTotal);

        facts.Should().Contain("memtotal_mb", expected);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Script_MatchesAnsiblesCpuFacts(string name)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        var (ansible, script) = await MountNamespaceOracle.RunAsync(
            new Dictionary<string, string> { ["/proc/cpuinfo"] = CpuInfoSamples.All[name].Text }, timeout.Token);

        foreach (var key in new[] { "processor_count", "processor_cores", "processor_threads_per_core", "processor_vcpus" })
        {
            script.Values.Should().Contain(key, ansible[key], "Ansible says so for {0}", key);
        }
    }
}
