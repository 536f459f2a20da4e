using Kolla.Globals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kolla.Tests.Globals;

public class KollaOptionsValidatorTests
{
    private static KollaOptions Valid() => KollaGlobals.Parse("kolla_internal_vip_address: 10.0.0.250\n").ToOptions();

    [Fact]
    public void Options_from_valid_globals_pass()
    {
        new KollaOptionsValidator().Validate(null, Valid()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Every_problem_is_listed_with_the_globals_key()
    {
        var options = Valid();
        options.InternalVipAddress = string.Empty;
        options.ExternalVipAddress = "not-an-ip";
        options.BaseDistro = "centos";
        options.ConfigStrategy = "SOMETIMES";
        options.NodeConfigDirectory = "relative/path";
        options.ApiInterface = "eth 0";
        options.OpenStackTag = "bad tag";
        options.DockerClientTimeout = 0;

        var result = new KollaOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "kolla_internal_vip_address must be set (an unused IP address on the api network)",
            "kolla_external_vip_address must be an IP address, got 'not-an-ip'",
            "kolla_base_distro must be one of rocky, debian, ubuntu, got 'centos'",
            "config_strategy must be one of COPY_ALWAYS, COPY_ONCE, got 'SOMETIMES'",
            "node_config_directory must be an absolute path, got 'relative/path'",
            "api_interface must be a network interface name, got 'eth 0'",
            "openstack_tag must be a valid image tag, got 'bad tag'",
            "docker_client_timeout must be positive");
    }

    [Fact]
    public void The_vip_may_be_empty_without_haproxy()
    {
        var options = Valid();
        options.InternalVipAddress = string.Empty;
        options.HaproxyEnabled = false;

        new KollaOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Dependency_injection_registers_the_validator_and_validates_on_start()
    {
        var services = new ServiceCollection();
        services.AddKollaOptions(KollaGlobals.FromDefaults().ApplyTo);

        services.Should().Contain(d => d.ServiceType == typeof(IValidateOptions<KollaOptions>) && d.ImplementationType == typeof(KollaOptionsValidator));
        services.Should().Contain(d => d.ServiceType.Name == "IStartupValidator", "ValidateOnStart is requested");

        // Resolve the options the way the container would, without a full provider.
        var configures = services.Where(d => d.ServiceType == typeof(IConfigureOptions<KollaOptions>)).Select(d => (IConfigureOptions<KollaOptions>)d.ImplementationInstance!);
        var factory = new OptionsFactory<KollaOptions>(configures, [], [new KollaOptionsValidator()]);
        var act = () => factory.Create(Options.DefaultName);

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("kolla_internal_vip_address must be set");
    }
}
