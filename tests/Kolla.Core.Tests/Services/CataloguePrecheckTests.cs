using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Services;
using Kolla.Templates;
using Kolla.Tests.Planning;

namespace Kolla.Tests.Services;

/// <summary>What the catalogue declares for the prechecks (<c>prechecks:</c> in <c>service.yml</c>).</summary>
public sealed class CataloguePrecheckTests
{
    private const string Demo = """
        service: demo
        containers:
          demo-api:
            container_name: demo_api
            group: demo
            image: x
            prechecks:
              ports: [demo_port, "{{ demo_port | int + 1 }}"]
            config_json: {command: demo-api}
          demo-worker:
            container_name: demo_worker
            group: demo
            image: x
            config_json: {command: demo-worker}
        """;

    private static readonly ServiceCatalogue s_catalogue = ServiceCatalogueLoader.LoadBuiltIn();

    [Fact]
    public void Reader_ReadsTheDeclaredPorts_AndNoneWhenAbsent()
    {
        var definition = ServiceDefinitionReader.Read("demo/service.yml", Demo, new Dictionary<string, string>());

        definition.Containers[0].Prechecks.Ports.Should().Equal("demo_port", "{{ demo_port | int + 1 }}");
        definition.Containers[1].Prechecks.Should().BeSameAs(ContainerPrechecks.None);
    }

    [Fact]
    public void Reader_RejectsAnUnknownPrecheck_NamingTheLine()
    {
        var act = () => ServiceDefinitionReader.Read("demo/service.yml", Demo.Replace("ports: [demo_port", "port: [demo_port", StringComparison.Ordinal), new Dictionary<string, string>());

        var error = act.Should().Throw<CatalogueException>().Which;
        error.Line.Should().Be(8);
        error.Reason.Should().Contain("unknown key 'port' in demo-api.prechecks");
    }

    [Theory]
    [InlineData("memcached", "memcached", "memcached_port")]
    [InlineData("mariadb", "mariadb", "mariadb_port,mariadb_wsrep_port,mariadb_ist_port,mariadb_sst_port")]
    [InlineData("loadbalancer", "haproxy", "haproxy_monitor_port,haproxy_stats_port")]
    [InlineData("keystone", "keystone", "keystone_public_port,keystone_internal_port")]
    [InlineData("nova", "nova-libvirt", "nova_libvirt_port")]
    [InlineData("keystone", "keystone-fernet", "")]
    public void BuiltIn_ContainersDeclareThePortsTheyListenOn(string service, string key, string ports)
    {
        var container = s_catalogue.Find(service)!.Containers.Single(c => c.Key == key);

        container.Prechecks.Ports.Should().Equal(ports.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task BuiltIn_EveryDeclaredPort_IsAPortOnTheAllInOneHost()
    {
        var inputs = await Samples.LoadAsync(Samples.AllInOne, TestContext.Current.CancellationToken);
        var scope = DeploymentPlanner.Plan(inputs).Variables.ForHost("localhost");
        var renderer = new TemplateRenderer();

        var declared = s_catalogue.Services.SelectMany(s => s.Containers).SelectMany(c => c.Prechecks.Ports).ToList();

        declared.Should().HaveCountGreaterThan(20);
        declared.Where(p => PrecheckValues.Port(renderer, scope, p) is null).Should().BeEmpty();
    }
}
