using Kolla.Globals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kolla.Tests.Globals;

public class KollaOptionsValidatorTests
{
    [Fact]
    public void Default_OptionsPassWithoutAnyGlobal()
    {
        new KollaOptionsValidator().Validate(null, new KollaOptions()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Every_ProblemIsListed()
    {
        var options = new KollaOptions { ConfigDirectory = "relative/path", PasswordsFile = " " };

        var result = new KollaOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "--configdir (ConfigDirectory) must be an absolute path, got 'relative/path'",
            "PasswordsFile must be null (ConfigDirectory/passwords.yml) or a path");
    }

    [Fact]
    public void Dependency_InjectionRegistersTheValidatorAndValidatesOnStart()
    {
        var services = new ServiceCollection();
        services.AddKollaOptions(o => o.ConfigDirectory = "kolla");

        services.Should().Contain(d => d.ServiceType == typeof(IValidateOptions<KollaOptions>) && d.ImplementationType == typeof(KollaOptionsValidator));
        services.Should().Contain(d => d.ServiceType.Name == "IStartupValidator", "ValidateOnStart is requested");

        // Resolve the options the way the container would, without a full provider.
        var configures = services.Where(d => d.ServiceType == typeof(IConfigureOptions<KollaOptions>)).Select(d => (IConfigureOptions<KollaOptions>)d.ImplementationInstance!);
        var factory = new OptionsFactory<KollaOptions>(configures, [], [new KollaOptionsValidator()]);
        var act = () => factory.Create(Options.DefaultName);

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("ConfigDirectory) must be an absolute path");
    }
}
