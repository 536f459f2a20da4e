using Kolla.Services;

namespace Kolla.Tests.Services;

public sealed class ServiceDefinitionReaderTests
{
    private const string Valid = """
        service: demo
        restart: serial
        containers:
          demo-api:
            container_name: demo_api
            group: demo
            image: "{{ demo_image_full }}"
            restart: spec-change-only
            files:
              - dest: demo.conf
                template: demo.conf.j2
            config_json:
              command: demo-api
        """;

    private static readonly Dictionary<string, string> s_templates = new() { ["demo.conf.j2"] = "[DEFAULT]\n" };

    [Fact]
    public void Reads_ServiceAndContainerRestartStrategies()
    {
        var definition = ServiceDefinitionReader.Read("demo/service.yml", Valid, s_templates);

        definition.Restart.Should().Be(RestartStrategy.Serial);
        definition.Containers.Single().Restart.Should().Be(RestartStrategy.SpecChangeOnly);
    }

    [Fact]
    public void Container_WithoutRestartFollowsTheService()
    {
        var definition = ServiceDefinitionReader.Read("demo/service.yml", Valid.Replace("    restart: spec-change-only\n", "", StringComparison.Ordinal), s_templates);

        definition.Containers.Single().Restart.Should().BeNull();
    }

    [Fact]
    public void Reads_PostStartCommandsInOrder()
    {
        var definition = ServiceDefinitionReader.Read(
            "demo/service.yml",
            Valid.Replace("    restart: spec-change-only\n", "    post_start:\n      - demo-ctl init\n      - \"demo-ctl set {{ x }}\"\n", StringComparison.Ordinal),
            s_templates);

        definition.Containers.Single().PostStart.Should().Equal("demo-ctl init", "demo-ctl set {{ x }}");
    }

    [Fact]
    public void Reads_ReloadAfterNamingABootstrapJob()
    {
        var yaml = Valid.Replace("    restart: spec-change-only\n", "    reload_after: [demo_cell]\n", StringComparison.Ordinal)
            + "\nbootstrap:\n  - name: demo_cell\n    container: demo-api\n    command: demo-ctl cell\n";

        var definition = ServiceDefinitionReader.Read("demo/service.yml", yaml, s_templates);

        definition.Containers.Single().ReloadAfter.Should().Equal("demo_cell");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("no", false)]
    public void Reads_GaleraCluster(string value, bool expected)
    {
        var yaml = Valid.Replace("    restart: spec-change-only\n", $"    galera_cluster: {value}\n", StringComparison.Ordinal);

        var definition = ServiceDefinitionReader.Read("demo/service.yml", yaml, s_templates);

        definition.Containers.Single().GaleraCluster.Should().Be(expected);
    }

    [Fact]
    public void GaleraCluster_NotABoolean_IsACatalogueError()
    {
        var yaml = Valid.Replace("    restart: spec-change-only\n", "    galera_cluster: mariadb\n", StringComparison.Ordinal);

        var act = () => ServiceDefinitionReader.Read("demo/service.yml", yaml, s_templates);

        act.Should().Throw<CatalogueException>().WithMessage("*demo-api: galera_cluster must be true or false, not 'mariadb'*");
    }

    [Fact]
    public void ReloadAfter_UnknownJob_IsACatalogueError()
    {
        var yaml = Valid.Replace("    restart: spec-change-only\n", "    reload_after: [demo_cel]\n", StringComparison.Ordinal)
            + "\nbootstrap:\n  - name: demo_cell\n    container: demo-api\n    command: demo-ctl cell\n";

        var act = () => ServiceDefinitionReader.Read("demo/service.yml", yaml, s_templates);

        act.Should().Throw<CatalogueException>().WithMessage("*demo-api: reload_after names 'demo_cel', which is not a bootstrap job*");
    }

    [Theory]
    [InlineData("service: demo\ncontainers:\n  demo-api:\n    container_name: demo_api\n    group: demo\n    image: x\n    restart: sometimes\n    config_json: {command: x}\n", 7, "restart must be")]
    [InlineData("service: demo\ncontainers:\n  demo-api:\n    container_name: demo_api\n    image: x\n    config_json: {command: x}\n", 4, "'group' is required")]
    [InlineData("service: demo\ncontainers:\n  demo-api:\n    container_name: demo_api\n    group: demo\n    image: x\n    volume: []\n    config_json: {command: x}\n", 7, "unknown key 'volume'")]
    [InlineData("service: demo\ncontainers:\n  demo-api:\n    container_name: demo_api\n    group: demo\n    image: x\n    files:\n      - dest: a.conf\n        merge: toml\n    config_json: {command: x}\n", 8, "merge must be")]
    [InlineData("service: demo\ncontainers:\n  demo-api:\n    container_name: [demo_api\n", 5, "flow sequence")]
    [InlineData("service: demo\nbootstrap:\n  - container: demo-api\n", 3, "needs 'name'")]
    public void Malformed_definition_names_file_and_line(string yaml, int line, string reason)
    {
        var act = () => ServiceDefinitionReader.Read("catalogue/demo/service.yml", yaml, s_templates);

        var error = act.Should().Throw<CatalogueException>().Which;
        error.Source.Should().Be("catalogue/demo/service.yml");
        error.Line.Should().Be(line);
        error.Message.Should().StartWith($"catalogue/demo/service.yml:{line}: ");
        error.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Missing_TemplateIsReported()
    {
        var act = () => ServiceDefinitionReader.Read("demo/service.yml", Valid, new Dictionary<string, string>());

        act.Should().Throw<CatalogueException>().WithMessage("*demo.conf.j2*not shipped*");
    }
}
