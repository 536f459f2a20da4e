using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Planning;

/// <summary>A health check's mapping is evaluated per host: the <c>test</c> list items and the timing values render like any other value.</summary>
public sealed class PlannerHealthcheckTests
{
    private static ServiceDefinition Service(object healthcheck) => new()
    {
        Name = "web",
        Source = "test",
        Defaults = new Dictionary<string, object?> { ["web_port"] = "8080", ["web_health_interval"] = "7" },
        Containers =
        [
            new ContainerDefinition
            {
                Key = "web",
                ContainerName = "web",
                Group = "web",
                Image = "kolla/web:1",
                Healthcheck = healthcheck,
                ConfigJson = new Dictionary<string, object?> { ["command"] = "httpd" },
            },
        ],
    };

    private static DeploymentPlan Plan(ServiceDefinition service, string inventory) => DeploymentPlanner.Plan(new DeploymentInputs
    {
        Inventory = InventoryLoader.Parse(inventory),
        Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
    });

    [Fact]
    public void Healthcheck_TestListAndTimingsAreRenderedPerHost()
    {
        var healthcheck = new Dictionary<string, object?>
        {
            ["test"] = new List<object?> { "CMD-SHELL", "wget -q http://{{ inventory_hostname }}:{{ web_port }}/" },
            ["interval"] = "{{ web_health_interval }}",
            ["retries"] = 4L,
        };

        var plan = Plan(Service(healthcheck), "[web]\nnode1\nnode2 web_port=9090\n");

        var checks = plan.Hosts.Select(h => h.Containers.Single().Spec.Healthcheck!).ToList();
        checks[0].Test.Should().Equal("CMD-SHELL", "wget -q http://node1:8080/");
        checks[1].Test.Should().Equal("CMD-SHELL", "wget -q http://node2:9090/");
        checks.Should().OnlyContain(c => c.IntervalSeconds == 7 && c.Retries == 4);
    }

    [Fact]
    public void Healthcheck_TestGivenAsOneStringIsAShellCommand()
    {
        var plan = Plan(Service(new Dictionary<string, object?> { ["test"] = "nc -z 127.0.0.1 {{ web_port }}" }), "[web]\nnode1\n");

        plan.Hosts.Single().Containers.Single().Spec.Healthcheck!.Test.Should().Equal("CMD-SHELL", "nc -z 127.0.0.1 8080");
    }
}
