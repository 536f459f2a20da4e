using System.Text;
using Kolla.Compat;
using Kolla.Facts;
using Kolla.TestKit;

namespace Kolla.Core.Tests.Facts;

[Collection(RootNamespaceCollection.Name)]
public sealed class RemoteFactsScriptTests
{
    // A host with no default route, an interface with dashes in its name, IPv4 secondaries (one labelled) and IPv6
    // global, link-local and temporary addresses; written as the script prints it.
    private const string Sample = """
        kolla-facts 1
        nodename node-1.example.com
        system Linux
        kernel 6.1.0-18-amd64
        kernel-version #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)
        machine x86_64
        fqdn-names 10.0.0.5       node-1.example.com node-1
        cpu-keys 6
        cpu-vendor-id 2
        cpu-model-name 2
        cpu-processor 2
        cpu-no-vme 0
        cpu-xen 0
        cpu-topology physical id	: 0
        cpu-topology siblings	: 2
        cpu-topology core id		: 0
        cpu-topology cpu cores	: 2
        cpu-topology physical id	: 0
        cpu-topology siblings	: 2
        cpu-topology core id		: 1
        cpu-topology cpu cores	: 2
        meminfo
        memtotal        8152340 kB
        file 1 /etc/os-release
        |PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        |NAME="Debian GNU/Linux"
        |VERSION_ID="12"
        |VERSION="12 (bookworm)"
        |VERSION_CODENAME=bookworm
        |ID=debian
        release-empty empty-release
        debian-version
        |12.5
        ip
        addr 1: lo    inet 127.0.0.1/8 scope host lo\       valid_lft forever preferred_lft forever
        addr 1: lo    inet6 ::1/128 scope host \       valid_lft forever preferred_lft forever
        addr 3: veth-ext    inet 10.0.0.5/24 brd 10.0.0.255 scope global veth-ext\       valid_lft forever preferred_lft forever
        addr 3: veth-ext    inet 10.0.0.6/24 scope global secondary veth-ext\       valid_lft forever preferred_lft forever
        addr 3: veth-ext    inet 10.0.0.7/24 scope global secondary veth-ext:1\       valid_lft forever preferred_lft forever
        addr 3: veth-ext    inet6 2001:db8::abcd/64 scope global temporary dynamic \       valid_lft 86000sec preferred_lft 14000sec
        addr 3: veth-ext    inet6 2001:db8::5/64 scope global \       valid_lft forever preferred_lft forever
        addr 3: veth-ext    inet6 fe80::1/64 scope link \       valid_lft forever preferred_lft forever
        dev lo
        attr ifindex 1
        attr address 00:00:00:00:00:00
        attr mtu 65536
        attr operstate unknown
        attr type 772
        attr flags 0x9
        dev veth-ext
        attr ifindex 3
        attr address 52:54:00:12:34:56
        attr mtu 1500
        attr operstate up
        attr type 1
        attr speed 10000
        attr flags 0x1103
        end

        """;

    [Fact]
    public void Parse_ReadsNamesCpuMemoryAndDistribution()
    {
        var facts = RemoteFactsScript.Parse("node1", Encoding.UTF8.GetBytes(Sample));

        facts.Host.Should().Be("node1");
        facts.Hostname.Should().Be("node-1");
        facts.ProcessorVcpus.Should().Be(2);
        facts.MemTotalMb.Should().Be(7961);
        facts.Values.Should().Contain("nodename", "node-1.example.com")
            .And.Contain("fqdn", "node-1.example.com")
            .And.Contain("domain", "example.com")
            .And.Contain("architecture", "x86_64")
            .And.Contain("distribution", "Debian")
            .And.Contain("distribution_version", "12.5")
            .And.Contain("distribution_release", "bookworm")
            .And.Contain("distribution_major_version", "12")
            .And.Contain("os_family", "Debian");
    }

    [Fact]
    public void Parse_ReadsInterfacesAsAnsible()
    {
        var facts = RemoteFactsScript.Parse("node1", Encoding.UTF8.GetBytes(Sample)).Values;

        facts["interfaces"].Should().BeEquivalentTo(new List<object?> { "lo", "veth-ext", "veth-ext_1" }, o => o.WithStrictOrdering());
        Json(facts["veth_ext"]).Should().Be(
            J("{'active': true, 'device': 'veth-ext', 'ipv4': {'address': '10.0.0.5', 'broadcast': '10.0.0.255', 'netmask': '255.255.255.0', 'network': '10.0.0.0', 'prefix': '24'}, ")
            + J("'ipv4_secondaries': [{'address': '10.0.0.6', 'broadcast': '', 'netmask': '255.255.255.0', 'network': '10.0.0.0', 'prefix': '24'}, ")
            + J("{'address': '10.0.0.7', 'broadcast': '', 'netmask': '255.255.255.0', 'network': '10.0.0.0', 'prefix': '24'}], ")
            + J("'ipv6': [{'address': '2001:db8::5', 'prefix': '64', 'scope': 'global'}, {'address': 'fe80::1', 'prefix': '64', 'scope': 'link'}, ")
            + J("{'address': '2001:db8::abcd', 'prefix': '64', 'scope': 'global'}], 'macaddress': '52:54:00:12:34:56', 'mtu': 1500, 'promisc': true, ")
            + J("'speed': 10000, 'type': 'ether'}"));
        Json(facts["veth_ext_1"]).Should().Be(
            J("{'ipv4_secondaries': [{'address': '10.0.0.7', 'broadcast': '', 'netmask': '255.255.255.0', 'network': '10.0.0.0', 'prefix': '24'}]}"));
        Json(facts["lo"]).Should().Be(
            J("{'active': true, 'device': 'lo', 'ipv4': {'address': '127.0.0.1', 'broadcast': '', 'netmask': '255.0.0.0', 'network': '127.0.0.0', 'prefix': '8'}, ")
            + J("'ipv6': [{'address': '::1', 'prefix': '128', 'scope': 'host'}], 'mtu': 65536, 'promisc': false, 'type': 'loopback'}"));
        Json(facts["default_ipv4"]).Should().Be("{}", "there is no default route");
        Json(facts["default_ipv6"]).Should().Be("{}");
        Json(facts["all_ipv4_addresses"]).Should().Be(J("['10.0.0.5', '10.0.0.6', '10.0.0.7']"));
        Json(facts["all_ipv6_addresses"]).Should().Be(J("['2001:db8::5', 'fe80::1', '2001:db8::abcd']"));
    }

    [Fact]
    public void Parse_WithDefaultRoutes_DescribesThemFromTheInterface()
    {
        var output = Sample.Replace("ip\n", "ip\nroute4 8.8.8.8 via 10.0.0.1 dev veth-ext src 10.0.0.7 uid 0 \nroute6 2404:6800:400a:800::1012 from :: via fe80::ff dev veth-ext src 2001:db8::5 metric 1024 pref medium\n", StringComparison.Ordinal);

        var facts = RemoteFactsScript.Parse("node1", Encoding.UTF8.GetBytes(output)).Values;

        Json(facts["default_ipv4"]).Should().Be(
            J("{'address': '10.0.0.7', 'alias': 'veth-ext:1', 'broadcast': '', 'gateway': '10.0.0.1', 'interface': 'veth-ext', 'macaddress': '52:54:00:12:34:56', ")
            + J("'mtu': 1500, 'netmask': '255.255.255.0', 'network': '10.0.0.0', 'prefix': '24', 'type': 'ether'}"));
        Json(facts["default_ipv6"]).Should().Be(
            J("{'address': '2001:db8::5', 'gateway': 'fe80::ff', 'interface': 'veth-ext', 'macaddress': '52:54:00:12:34:56', 'mtu': 1500, 'prefix': '64', 'scope': 'global', 'type': 'ether'}"));
    }

    [Fact]
    public void Parse_WithoutIp_GivesNoNetworkFacts()
    {
        var output = Sample[..Sample.IndexOf("ip\n", StringComparison.Ordinal)] + "end\n";

        var facts = RemoteFactsScript.Parse("node1", Encoding.UTF8.GetBytes(output)).Values;

        facts.Should().NotContainKey("interfaces").And.NotContainKey("default_ipv4").And.ContainKey("hostname");
    }

    [Theory]
    [InlineData("", "line 1 (''): expected 'kolla-facts 1' first")]
    [InlineData("Welcome to node1!\nkolla-facts 1\nnodename n\nend\n", "line 1 ('Welcome to node1!'): expected 'kolla-facts 1' first")]
    [InlineData("kolla-facts 1\nnodename n\n", "line 2 ('nodename n'): the output stops before 'end' (cut short?)")]
    [InlineData("kolla-facts 1\nnodename n\nbogus 1\nend\n", "line 3 ('bogus 1'): unknown item 'bogus'")]
    [InlineData("kolla-facts 1\nnodename n\naddr inet 10.0.0.1/8\nend\n", "line 3 ('addr inet 10.0.0.1/8'): expected 'addr N: DEVICE inet ...' as ip -o addr show prints")]
    [InlineData("kolla-facts 1\n|text\nend\n", "line 2 ('|text'): file content outside a file")]
    [InlineData("kolla-facts 1\nattr mtu 1500\nend\n", "line 2 ('attr mtu 1500'): an interface attribute before any 'dev'")]
    [InlineData("kolla-facts 1\nnodename n\nend\nmore\n", "line 4 ('more'): output after 'end'")]
    public void Parse_MalformedOutput_ThrowsNamingTheHost(string output, string reason)
    {
        var act = () => RemoteFactsScript.Parse("node7", Encoding.UTF8.GetBytes(output));

        act.Should().Throw<FactsException>().WithMessage($"node7: the facts script printed something else than facts: {reason}");
    }

    [Fact]
    public void Parse_NoNodename_Throws()
    {
        var act = () => RemoteFactsScript.Parse("node7", "kolla-facts 1\nend\n"u8);

        act.Should().Throw<FactsException>().WithMessage("node7: the facts script printed no node name");
    }

    [Fact]
    public async Task Script_UnderBusyboxSh_GivesWhatShGives_AndPrintsLittle()
    {
        if (!File.Exists("/bin/busybox") && !File.Exists("/usr/bin/busybox"))
        {
            throw TestRig.Unavailable("busybox is needed to run the facts script under busybox sh: apt-get install -y busybox-static");
        }

        var token = TestContext.Current.CancellationToken;
        for (var attempt = 1; ; attempt++)
        {
            var sh = await ExternalCommand.RunAsync("/bin/sh", ["-c", RemoteFactsScript.Script], cancellationToken: token);
            var busybox = await FactsScriptRunner.RunAsync("localhost", "busybox sh", netns: null, token);
            var again = await FactsScriptRunner.RunAsync("localhost", "/bin/sh", netns: null, token);

            sh.EnsureSuccess().StandardError.Should().BeEmpty();
            sh.StandardOutput.Length.Should().BeLessThan(64 * 1024);
            var first = RemoteFactsScript.Parse("localhost", Encoding.UTF8.GetBytes(sh.StandardOutput));
            if (FactsDiff.All(first, again).Count > 0 && attempt < 3)
            {
                continue; // other tests changed the machine's interfaces meanwhile
            }

            var differences = FactsDiff.All(first, busybox);
            differences.Should().BeEmpty(FactsDiff.Describe("sh", "busybox sh", differences));
            return;
        }
    }

    [Fact]
    public async Task Script_EmbeddedInAnotherScript_LeavesItsVariablesAndOptionsAlone()
    {
        var outer = "p=keep\n{ " + RemoteFactsScript.Script + "\n} >/dev/null\nprintf '%s %s %s\\n' \"$p\" \"${LC_ALL-unset}\" \"$(echo /*)\"";

        var result = await ExternalCommand.RunAsync("/bin/sh", ["-c", outer], new Dictionary<string, string?> { ["LC_ALL"] = null },
            TestContext.Current.CancellationToken);

        result.EnsureSuccess().StandardOutput.Should().StartWith("keep unset /").And.NotContain("/*");
    }

    private static string J(string text) => text.Replace('\'', '"');

    private static string Json(object? value) => JsonDumps.Write(value, new JsonDumpsOptions { SortKeys = JsonDumpsOptions.CodePointOrder, EnsureAscii = false });
}
