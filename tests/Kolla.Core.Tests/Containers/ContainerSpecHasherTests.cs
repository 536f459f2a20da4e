using System.Security.Cryptography;
using System.Text;
using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed class ContainerSpecHasherTests
{
    private static ContainerSpec Minimal() => new() { Name = "keystone", Image = "kolla/keystone:2025.1" };

    [Fact]
    public void ToCanonicalJson_Minimal_IsVersionedSortedCompactJson()
    {
        var json = ContainerSpecHasher.ToCanonicalJson(Minimal());

        json.Should().Be("""{"image":"kolla/keystone:2025.1","name":"keystone","network_mode":"host","restart_policy":"unless-stopped","v":1}""");
    }

    [Fact]
    public void ToCanonicalJson_FullSpec_NormalisesEveryField()
    {
        var spec = ContainerSamples.Spec() with
        {
            Command = "kolla_start",
            PidMode = "host",
            Privileged = true,
            VolumesFrom = ["b", "a"],
            RestartPolicy = "on-failure",
            RestartRetries = 3,
        };

        var json = ContainerSpecHasher.ToCanonicalJson(spec);

        var expected = string.Concat(
            "{'binds':['/dev:/dev:rw','/etc/kolla/nova-compute/:/var/lib/kolla/config_files/:ro','/lib/modules:/lib/modules:ro','/run:/run:shared','kolla_logs:/var/log/kolla/:rw'],",
            "'cap_add':['NET_ADMIN'],'command':'kolla_start','dimensions':{'mem_limit':1073741824,'ulimits':[{'hard':2048,'name':'nofile','soft':1024}]},",
            "'environment':{'KOLLA_CONFIG_STRATEGY':'COPY_ALWAYS','KOLLA_UPGRADE':''},",
            "'healthcheck':{'interval':30,'retries':3,'start_period':5,'test':['CMD-SHELL','healthcheck_port nova-compute 5672'],'timeout':30},",
            "'image':'quay.io/openstack.kolla/nova-compute:2025.1','labels':{'service':'nova'},'name':'nova_compute','network_mode':'host',",
            "'pid_mode':'host','privileged':true,'restart_policy':'on-failure','restart_retries':3,'security_opt':['apparmor=unconfined'],",
            "'tmpfs':['/var/tmp'],'v':1,'volumes':['/dev','/lib/modules','/run','/var/lib/kolla/config_files/','/var/log/kolla/'],'volumes_from':['a','b']}")
            .Replace('\'', '"');
        json.Should().Be(expected);
    }

    [Fact]
    public void Compute_IsSha256OfCanonicalJson()
    {
        var spec = ContainerSamples.Spec();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ContainerSpecHasher.ToCanonicalJson(spec))));

        var hash = spec.ComputeHash();

        hash.Should().Be(expected).And.HaveLength(64).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void ToCanonicalJson_EscapesOnlyQuotesBackslashAndControlCharacters()
    {
        var spec = Minimal() with { Command = "sh -c \"echo ü\\\t\u0001\"" };

        var json = ContainerSpecHasher.ToCanonicalJson(spec);

        json.Should().Contain("""
            "command":"sh -c \"echo ü\\\t\u0001\""
            """);
    }

    [Fact]
    public void Compute_OrderOfSetsMapsAndVolumes_Irrelevant()
    {
        var a = ContainerSamples.Spec() with
        {
            CapAdd = ["A", "B"],
            SecurityOpt = ["x", "y"],
            Tmpfs = ["/t1", "/t2"],
            VolumesFrom = ["v1", "v2"],
            Labels = [new("l1", "1"), new("l2", "2")],
            Environment = [new("E1", "1"), new("E2", "2")],
            Dimensions = new ContainerDimensions { Ulimits = [new Ulimit("a", 1, 1), new Ulimit("b", 2, 2)] },
        };
        var b = a with
        {
            CapAdd = ["B", "A", "A"],
            SecurityOpt = ["y", "x"],
            Tmpfs = ["/t2", "", "/t1"],
            VolumesFrom = ["v2", "v1"],
            Labels = [new("l2", "2"), new("l1", "1")],
            Environment = [new("E2", "2"), new("E1", "1")],
            Volumes = [.. a.Volumes.Reverse()],
            Dimensions = new ContainerDimensions { Ulimits = [new Ulimit("b", 2, 2), new Ulimit("a", 1, 1)] },
        };

        b.ComputeHash().Should().Be(a.ComputeHash());
    }

    [Fact]
    public void Compute_EquivalentSpellings_SameHash()
    {
        var a = Minimal() with
        {
            Volumes = ["/dev:/dev:rw"],
            Environment = [new("KOLLA_UPGRADE", "")],
            Healthcheck = null,
        };
        var b = Minimal() with
        {
            Volumes = ["/dev:/dev", ""],
            Environment = [new("KOLLA_UPGRADE", null)],
            Healthcheck = new ContainerHealthcheck(["NONE"]),
        };

        b.ComputeHash().Should().Be(a.ComputeHash());
    }

    [Fact]
    public void Compute_RuntimeOnlyFields_NotHashed()
    {
        var a = Minimal();
        var b = a with { State = "exited", GracefulTimeoutSeconds = 5, RestartRetries = 99 };

        b.ComputeHash().Should().Be(a.ComputeHash());
    }

    public static TheoryData<string> Mutations => new()
    {
        "name", "image", "command", "environment", "volumes", "volumes_from", "tmpfs", "privileged", "pid_mode", "ipc_mode",
        "cgroupns_mode", "cap_add", "security_opt", "labels", "dimensions", "ulimits", "healthcheck", "restart_policy", "network_mode",
        "bind_mode",
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Compute_AnyDefinitionChange_ChangesHash(string field)
    {
        var spec = ContainerSamples.Spec();
        var changed = field switch
        {
            "name" => spec with { Name = "other" },
            "image" => spec with { Image = "quay.io/openstack.kolla/nova-compute:2025.2" },
            "command" => spec with { Command = "sleep 1" },
            "environment" => spec with { Environment = [.. spec.Environment, new("X", "1")] },
            "volumes" => spec with { Volumes = [.. spec.Volumes, "/a:/b"] },
            "volumes_from" => spec with { VolumesFrom = ["x"] },
            "tmpfs" => spec with { Tmpfs = ["/other"] },
            "privileged" => spec with { Privileged = true },
            "pid_mode" => spec with { PidMode = "host" },
            "ipc_mode" => spec with { IpcMode = "host" },
            "cgroupns_mode" => spec with { CgroupnsMode = "host" },
            "cap_add" => spec with { CapAdd = ["SYS_ADMIN"] },
            "security_opt" => spec with { SecurityOpt = [] },
            "labels" => spec with { Labels = [new("service", "other")] },
            "dimensions" => spec with { Dimensions = spec.Dimensions with { CpuShares = 512 } },
            "ulimits" => spec with { Dimensions = spec.Dimensions with { Ulimits = [new Ulimit("nofile", 1, 1)] } },
            "healthcheck" => spec with { Healthcheck = spec.Healthcheck! with { Retries = 5 } },
            "restart_policy" => spec with { RestartPolicy = "always" },
            "network_mode" => spec with { NetworkMode = "none" },
            "bind_mode" => spec with { Volumes = [.. spec.Volumes.Select(v => v == "/dev:/dev" ? "/dev:/dev:ro" : v)] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        changed.ComputeHash().Should().NotBe(spec.ComputeHash());
    }
}
