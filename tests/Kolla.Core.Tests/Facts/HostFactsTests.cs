using System.Net;
using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

public sealed class HostFactsTests
{
    [Fact]
    public void Accessors_ReadTheValues()
    {
        var facts = new HostFacts("node1", new Dictionary<string, object?>
        {
            ["hostname"] = "node-1",
            ["processor_vcpus"] = 8L,
            ["memtotal_mb"] = 2048.0,
        });

        facts.Hostname.Should().Be("node-1");
        facts.ProcessorVcpus.Should().Be(8);
        facts.MemTotalMb.Should().Be(2048);
    }

    [Fact]
    public void Accessors_MissingOrOfAnotherType_AreNull()
    {
        var facts = new HostFacts("node1", new Dictionary<string, object?> { ["hostname"] = 5L, ["processor_vcpus"] = "8" });

        facts.Hostname.Should().BeNull();
        facts.ProcessorVcpus.Should().BeNull();
        facts.MemTotalMb.Should().BeNull();
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("1::")]
    [InlineData("2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:1:1:1:1:1")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::192.0.2.1")]
    [InlineData("2404:6800:400a:800::1012")]
    public void Ipv6Text_WritesAsInetNtop(string text)
    {
        Ipv6Text.Format(IPAddress.Parse(text).GetAddressBytes()).Should().Be(text);
    }
}
