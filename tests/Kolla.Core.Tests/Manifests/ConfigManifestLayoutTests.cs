using Kolla.Manifests;

namespace Kolla.Tests.Manifests;

/// <summary>
/// <see cref="ConfigManifestWriter"/>'s layouts: the lists <see cref="ConfigManifestLayout.InlineClose"/> names close on
/// their last entry's line, as kolla-ansible's templates write them; every other list, and an empty one, is untouched.
/// <see cref="ConfigManifestReader"/> reads any of them back to the same manifest.
/// </summary>
public class ConfigManifestLayoutTests
{
    private static readonly ConfigManifest s_manifest = new("run")
    {
        ConfigFiles = [new ConfigFileEntry("/var/lib/kolla/config_files/a.conf", "/etc/a.conf", "a", "0600")],
        Directories = [new ManifestPathEntry("/var/log/kolla/a", "a:kolla", "2775")],
        Permissions = [new PermissionEntry("/var/lib/a", "a:a") { Recurse = true }],
    };

    [Fact]
    public void Kolla_AnsibleLayoutClosesConfigFilesOnTheLastEntryLine()
    {
        var text = ConfigManifestWriter.Write(s_manifest, ConfigManifestLayout.KollaAnsible);

        text.Should().Contain("            \"perm\": \"0600\"\n        }    ],\n    \"directories\": [\n");
        text.Should().EndWith("            \"recurse\": true\n        }\n    ]\n}\n");
        ConfigManifestReader.Read(text).Should().BeEquivalentTo(s_manifest);
    }

    [Fact]
    public void Standard_LayoutClosesEveryListOnItsOwnLine()
    {
        var text = ConfigManifestWriter.Write(s_manifest, ConfigManifestLayout.Standard);

        text.Should().NotContain("}    ]");
        text.Should().Be(ConfigManifestWriter.Write(s_manifest));
    }

    [Fact]
    public void Several_ListsCanCloseInline()
    {
        var text = ConfigManifestWriter.Write(s_manifest, new ConfigManifestLayout(["config_files", "permissions"]));

        text.Should().Contain("\"0600\"\n        }    ],\n");
        text.Should().EndWith("\"recurse\": true\n        }    ]\n}\n");
        text.Should().Contain("\"2775\"\n        }\n    ],\n");
    }

    [Fact]
    public void Empty_ListNamedInlineLeavesTheNextListAlone()
    {
        var manifest = s_manifest with { ConfigFiles = [] };

        var text = ConfigManifestWriter.Write(manifest, ConfigManifestLayout.KollaAnsible);

        text.Should().Contain("\"config_files\": [],");
        text.Should().Be(ConfigManifestWriter.Write(manifest, ConfigManifestLayout.Standard));
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"config_files\": []}", "\"command\" is required")]
    [InlineData("{\"command\": \"x\", \"extra\": 1}", "unknown key \"extra\"")]
    [InlineData("{\"command\": \"x\", \"config_files\": [{\"dest\": \"/a\"}]}", "no \"source\"")]
    [InlineData("{\"command\": \"x\",", "not valid JSON")]
    public void Reader_refuses_what_kolla_set_configs_would_not_understand(string json, string message)
    {
        var read = () => ConfigManifestReader.Read(json);

        read.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }
}
