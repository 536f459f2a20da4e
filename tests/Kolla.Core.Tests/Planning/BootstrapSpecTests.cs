using Kolla.Containers;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Planning;

/// <summary>
/// A bootstrap one-shot is what kolla-ansible's bootstrap tasks start: the container's image and volumes (or the
/// job's own), <c>KOLLA_CONFIG_STRATEGY</c> and the job's variables, the <c>BOOTSTRAP</c> label, and nothing else of
/// the container (privileges, namespaces, dimensions, labels, health check).
/// </summary>
public sealed class BootstrapSpecTests
{
    private static DeploymentPlan Plan(IReadOnlyList<string>? jobVolumes) => DeploymentPlanner.Plan(new DeploymentInputs
    {
        Inventory = InventoryLoader.Parse("[web]\nnode1\n"),
        Catalogue = ServiceCatalogue.Create(
            [
                new ServiceDefinition
                {
                    Name = "web",
                    Source = "test",
                    Containers =
                    [
                        new ContainerDefinition
                        {
                            Key = "web",
                            ContainerName = "web",
                            Group = "web",
                            Image = "kolla/web:1",
                            Privileged = "true",
                            PidMode = "host",
                            Environment = [KeyValuePair.Create("http_proxy", (string?)"http://proxy:3128")],
                            Labels = [KeyValuePair.Create("tier", "front")],
                            Volumes = ["{{ node_config_directory }}/web/:{{ container_config_directory }}/:ro", "kolla_logs:/var/log/kolla/", "/dev/shm:/dev/shm"],
                            Dimensions = "{{ default_container_dimensions }}",
                            Healthcheck = new Dictionary<string, object?> { ["test"] = new List<object?> { "CMD-SHELL", "true" } },
                            ConfigJson = new Dictionary<string, object?> { ["command"] = "httpd" },
                        },
                    ],
                    Bootstrap =
                    [
                        new BootstrapDefinition
                        {
                            Name = "bootstrap_web",
                            Container = "web",
                            Environment = [KeyValuePair.Create("KOLLA_BOOTSTRAP", (string?)null)],
                            Volumes = jobVolumes,
                        },
                    ],
                },
            ],
            ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
    });

    [Fact]
    public void One_ShotTakesTheImageVolumesAndItsOwnEnvironmentOnly()
    {
        var container = Plan(null).Hosts.Single().Containers.Single();
        var job = container.Bootstraps.Single().Spec;

        job.Name.Should().Be("bootstrap_web");
        job.Image.Should().Be("kolla/web:1");
        job.Volumes.Should().Equal(container.Spec.Volumes);
        job.Environment.Should().Equal([KeyValuePair.Create("KOLLA_CONFIG_STRATEGY", (string?)"COPY_ALWAYS"), KeyValuePair.Create("KOLLA_BOOTSTRAP", (string?)null)]);
        job.Labels.Should().Equal([KeyValuePair.Create("BOOTSTRAP", "")]);
        job.RestartPolicy.Should().Be("oneshot");
        job.Privileged.Should().BeFalse();
        job.PidMode.Should().BeNull();
        job.Dimensions.Should().Be(ContainerDimensions.None);
        job.Healthcheck.Should().BeNull();

        container.Spec.Privileged.Should().BeTrue("the container itself keeps what the one-shot leaves out");
        container.Spec.Dimensions.Ulimits.Should().NotBeEmpty();
    }

    [Fact]
    public void One_ShotVolumesOfItsOwnReplaceTheContainers()
    {
        var job = Plan(["{{ node_config_directory }}/web/:{{ container_config_directory }}/:ro", "", "kolla_logs:/var/log/kolla/"])
            .Hosts.Single().Containers.Single().Bootstraps.Single().Spec;

        job.Volumes.Should().Equal("/etc/kolla/web/:/var/lib/kolla/config_files/:ro", "kolla_logs:/var/log/kolla/");
    }
}
