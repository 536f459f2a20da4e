using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed class ContainerVolumesTests
{
    [Fact]
    public void Parse_KollaVolumeList_SplitsAsKollaDoes()
    {
        var volumes = ContainerVolumes.Parse(
        [
            "/etc/kolla/keystone/:/var/lib/kolla/config_files/:ro",
            "/etc/localtime:/etc/localtime:ro",
            "",
            null,
            "kolla_logs:/var/log/kolla/",
            "/var/lib/anon",
            "keystone_fernet_tokens:/etc/keystone/fernet-keys",
        ]);

        volumes.Destinations.Should().Equal(
            "/var/lib/kolla/config_files/", "/etc/localtime", "/var/log/kolla/", "/var/lib/anon", "/etc/keystone/fernet-keys");
        volumes.Binds.Should().Equal(
            "/etc/kolla/keystone/:/var/lib/kolla/config_files/:ro",
            "/etc/localtime:/etc/localtime:ro",
            "kolla_logs:/var/log/kolla/:rw",
            "keystone_fernet_tokens:/etc/keystone/fernet-keys:rw");
        volumes.NamedVolumes.Should().Equal("kolla_logs", "keystone_fernet_tokens");
    }

    [Fact]
    public void Parse_DuplicateSource_LastBindWinsAtFirstPosition()
    {
        var volumes = ContainerVolumes.Parse(["/dev:/dev", "/x:/x", "/dev:/host-dev:ro"]);

        volumes.Binds.Should().Equal("/dev:/host-dev:ro", "/x:/x:rw");
        volumes.Destinations.Should().Equal("/dev", "/x", "/host-dev");
    }

    [Fact]
    public void Parse_ModeWithOptions_KeptVerbatim()
    {
        var volumes = ContainerVolumes.Parse(["/run:/run:shared", "/a:/b:ro,rslave"]);

        volumes.Binds.Should().Equal("/run:/run:shared", "/a:/b:ro,rslave");
    }
}
