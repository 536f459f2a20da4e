using Kolla.Services;

namespace Kolla.Tests.Services;

public sealed class CatalogueOverlayTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kolla-catalogue-" + Guid.NewGuid().ToString("N"));

    public CatalogueOverlayTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Overlay_TemplateReplacesTheBuiltInOneAndKeepsTheRest()
    {
        Write("keystone/templates/keystone.conf.j2", "[DEFAULT]\ndebug = true\n");

        var catalogue = await ServiceCatalogueLoader.LoadAsync(_dir, TestContext.Current.CancellationToken);

        var builtIn = ServiceCatalogueLoader.LoadBuiltIn().Find("keystone")!;
        var keystone = catalogue.Find("keystone")!;
        keystone.Templates["keystone.conf.j2"].Should().Be("[DEFAULT]\ndebug = true\n");
        keystone.Templates["keystone-uwsgi.ini.j2"].Should().Be(builtIn.Templates["keystone-uwsgi.ini.j2"]);
        keystone.Containers.Should().HaveSameCount(builtIn.Containers);
        catalogue.Find("nova")!.Templates["nova.conf.j2"].Should().Be(ServiceCatalogueLoader.LoadBuiltIn().Find("nova")!.Templates["nova.conf.j2"]);
    }

    [Fact]
    public async Task Overlay_AddsAServicePlacedAfterWhatItNames()
    {
        Write("skyline/service.yml", """
            service: skyline
            after: [keystone]
            defaults:
              skyline_image_full: "{{ docker_image_url }}skyline-apiserver:{{ openstack_tag }}"
            containers:
              skyline-apiserver:
                container_name: skyline_apiserver
                group: skyline
                enabled: "{{ enable_skyline | default(false) | bool }}"
                image: "{{ skyline_image_full }}"
                volumes:
                  - "{{ node_config_directory }}/skyline-apiserver/:{{ container_config_directory }}/:ro"
                files:
                  - dest: skyline.yaml
                    template: skyline.yaml.j2
                    merge: yaml
                    overrides: [skyline/skyline.yaml]
                config_json:
                  command: skyline-apiserver
                  config_files:
                    - {source: skyline.yaml, dest: /etc/skyline/skyline.yaml, owner: skyline, perm: "0600"}
            """);
        Write("skyline/templates/skyline.yaml.j2", "default:\n  debug: false\n");

        var catalogue = await ServiceCatalogueLoader.LoadAsync(_dir, TestContext.Current.CancellationToken);

        var skyline = catalogue.Find("skyline");
        skyline.Should().NotBeNull();
        skyline!.Containers.Single().ContainerName.Should().Be("skyline_apiserver");
        skyline.Templates.Should().ContainKey("skyline.yaml.j2");
        skyline.Source.Should().Be(Path.Combine(_dir, "skyline", "service.yml"));
        var order = catalogue.Services.Select(s => s.Name).ToList();
        order.IndexOf("skyline").Should().BeGreaterThan(order.IndexOf("keystone"));
        catalogue.Services.Should().HaveCount(ServiceCatalogueLoader.LoadBuiltIn().Services.Count + 1);
    }

    [Fact]
    public async Task Overlay_DefinitionReplacesABuiltInServiceWhole()
    {
        Write("memcached/service.yml", """
            service: memcached
            containers:
              memcached:
                container_name: memcached
                group: memcached
                image: "registry.local/memcached:1.6"
                config_json:
                  command: /usr/bin/memcached -p 11212
            """);

        var catalogue = await ServiceCatalogueLoader.LoadAsync(_dir, TestContext.Current.CancellationToken);

        var memcached = catalogue.Find("memcached")!;
        memcached.Containers.Single().Image.Should().Be("registry.local/memcached:1.6");
        memcached.Defaults.Should().BeEmpty();
    }

    [Fact]
    public async Task Overlay_DefaultsMergeOverTheBuiltInOnes()
    {
        Write("defaults.yml", "docker_registry: \"registry.local:4000\"\nmy_setting: 7\n");

        var catalogue = await ServiceCatalogueLoader.LoadAsync(_dir, TestContext.Current.CancellationToken);

        catalogue.CommonDefaults["docker_registry"].Should().Be("registry.local:4000");
        catalogue.CommonDefaults["my_setting"].Should().Be("7");
        catalogue.CommonDefaults["docker_namespace"].Should().Be("openstack.kolla");
    }

    [Fact]
    public async Task Templates_OnlyDirectoryForAnUnknownServiceIsRejected()
    {
        Write("nosuch/templates/x.j2", "x");

        var act = () => ServiceCatalogueLoader.LoadAsync(_dir, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<CatalogueException>()).Which.Message.Should().Contain("nosuch").And.Contain("service.yml");
    }

    [Fact]
    public async Task Malformed_OverlayDefinitionNamesItsFileAndLine()
    {
        var path = Write("keystone/service.yml", "service: keystone\ncontainers:\n  keystone:\n    container_name: keystone\n    grup: keystone\n");

        var act = () => ServiceCatalogueLoader.LoadAsync(_dir, TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<CatalogueException>()).Which;
        error.Source.Should().Be(path);
        error.Line.Should().Be(5);
        error.Message.Should().StartWith($"{path}:5: ").And.Contain("grup");
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
