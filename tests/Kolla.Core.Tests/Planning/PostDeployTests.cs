using System.Diagnostics;
using System.Runtime.Versioning;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;
using Kolla.Variables;

namespace Kolla.Tests.Planning;

[UnsupportedOSPlatform("windows")]
public sealed class PostDeployTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-postdeploy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DeploymentInputs Inputs(string password = "Adm1nPassw0rd", string inventory = "[control]\nnode1 ansible_host=10.0.0.11\n", params (string Key, object? Value)[] globals) => new()
    {
        Inventory = InventoryLoader.Parse(inventory),
        Catalogue = ServiceCatalogueLoader.LoadBuiltIn(),
        Globals = new Dictionary<string, object?>(globals.Select(g => KeyValuePair.Create(g.Key, g.Value)).Prepend(KeyValuePair.Create("kolla_internal_vip_address", (object?)"10.0.0.250"))),
        Passwords = new Dictionary<string, object?> { ["keystone_admin_password"] = password },
    };

    [Fact]
    public void FromInputs_UsesTheKeystoneInternalUrlAndTheAdminPassword()
    {
        var credentials = AdminCredentials.FromInputs(Inputs(globals: ("openstack_region_name", "RegionTwo")));

        credentials.AuthUrl.Should().Be("http://10.0.0.250:5000");
        credentials.Username.Should().Be("admin");
        credentials.ProjectName.Should().Be("admin");
        credentials.RegionName.Should().Be("RegionTwo");
        credentials.Password.Reveal().Should().Be("Adm1nPassw0rd");
        credentials.CaCertificate.Should().BeNull();
        credentials.ToString().Should().NotContain("Adm1nPassw0rd");
    }

    [Fact]
    public void FromInputs_InventoryVarsWinOverGlobals_UnlessPrecedenceIsLikeKollaAnsible()
    {
        var inputs = Inputs(inventory: "[control]\nnode1 ansible_host=10.0.0.11 openstack_region_name=FromInventory\n", globals: ("openstack_region_name", "FromGlobals"));

        AdminCredentials.FromInputs(inputs).RegionName.Should().Be("FromInventory");
        AdminCredentials.FromInputs(inputs, GlobalsPrecedence.LikeKollaAnsible).RegionName.Should().Be("FromGlobals");
    }

    [Fact]
    public void FromInputs_EmptyAdminPassword_SaysToRunGenpwd()
    {
        var act = () => AdminCredentials.FromInputs(Inputs(password: ""));

        act.Should().Throw<PlanningException>().WithMessage("post-deploy: keystone_admin_password is not set; run kolla genpwd*");
    }

    [Fact]
    public async Task WriteAsync_WritesOpenRcAndCloudsYaml_Mode0600()
    {
        var written = await PostDeploy.WriteAsync(Inputs(globals: ("kolla_admin_openrc_cacert", "/etc/ssl/ca.pem")), _dir, cancellationToken: Token);

        written.Should().Equal(Path.Combine(_dir, "admin-openrc.sh"), Path.Combine(_dir, "clouds.yaml"));
        foreach (var path in written)
        {
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, path);
        }

        var openrc = await File.ReadAllTextAsync(written[0], Token);
        openrc.Should().Contain("export OS_AUTH_URL='http://10.0.0.250:5000'\n")
            .And.Contain("export OS_PASSWORD='Adm1nPassw0rd'\n")
            .And.Contain("export OS_CACERT='/etc/ssl/ca.pem'\n");
        var clouds = await File.ReadAllTextAsync(written[1], Token);
        clouds.Should().Contain("      password: \"Adm1nPassw0rd\"\n").And.Contain("    cacert: \"/etc/ssl/ca.pem\"\n");
        Directory.GetFiles(_dir).Should().HaveCount(2, "no temporary file is left behind");
    }

    [Theory]
    [InlineData("it's \"quoted\" $HOME `x` \\n")]
    [InlineData("plain")]
    public async Task OpenRc_SourcedByAShell_ExportsThePasswordVerbatim(string password)
    {
        if (!File.Exists("/bin/sh"))
        {
            Assert.Skip("needs /bin/sh");
        }

        var path = Path.Combine(_dir, "openrc.sh");
        await File.WriteAllTextAsync(path, AdminCredentials.FromInputs(Inputs(password)).ToOpenRc(), Token);
        var start = new ProcessStartInfo("/bin/sh", ["-c", $". '{path}' && printf '%s|%s' \"$OS_PASSWORD\" \"$OS_USERNAME\""]) { RedirectStandardOutput = true };
        start.Environment["OS_TOKEN"] = "stale";

        using var shell = Process.Start(start)!;
        var output = await shell.StandardOutput.ReadToEndAsync(Token);
        await shell.WaitForExitAsync(Token);

        output.Should().Be($"{password}|admin");
    }

    [Fact]
    public void CloudsYaml_IsValidYaml_WithThePasswordVerbatim()
    {
        var yaml = AdminCredentials.FromInputs(Inputs("p:a'ss\"w#rd")).ToCloudsYaml();

        var document = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, object>>>>(yaml);

        var auth = (Dictionary<object, object>)document["clouds"]["kolla-admin"]["auth"];
        auth["password"].Should().Be("p:a'ss\"w#rd");
        auth["auth_url"].Should().Be("http://10.0.0.250:5000");
    }
}
