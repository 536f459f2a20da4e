using System.CommandLine;
using System.Runtime.Versioning;
using Kolla.Cli.Commands;
using Kolla.Converge;

namespace Kolla.Tests.Lifecycle;

/// <summary><c>--settle</c>, <c>--health-timeout</c> and <c>--bootstrap-timeout</c>: what they set, and the values refused.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class LivenessOptionsTests(SampleConfig sample) : IClassFixture<SampleConfig>
{
    [Fact]
    public void Apply_GivenSeconds_SetsTheConvergeTimes()
    {
        var (liveness, parse) = Parse("--settle", "0.5", "--health-timeout", "7", "--bootstrap-timeout", "90");

        var options = liveness.Apply(parse, new ConvergeOptions { Forks = 3 });

        options.SettleTime.Should().Be(TimeSpan.FromMilliseconds(500));
        options.HealthTimeout.Should().Be(TimeSpan.FromSeconds(7));
        options.BootstrapTimeout.Should().Be(TimeSpan.FromSeconds(90));
        options.Forks.Should().Be(3);
    }

    [Fact]
    public void Apply_NoneGiven_KeepsTheDefaults()
    {
        var (liveness, parse) = Parse();

        var options = liveness.Apply(parse, new ConvergeOptions());

        options.Should().Be(new ConvergeOptions());
        options.SettleTime.Should().Be(TimeSpan.FromSeconds(3));
        options.BootstrapTimeout.Should().BeNull("each job keeps its own timeout");
    }

    [Theory]
    [InlineData("--settle=-1", "--settle must be a number of seconds from 0 up to 86400, not -1")]
    [InlineData("--settle=NaN", "--settle must be a number of seconds from 0 up to 86400, not NaN")]
    [InlineData("--health-timeout=0", "--health-timeout must be a number of seconds above 0 up to 86400, not 0")]
    [InlineData("--bootstrap-timeout=1e300", "--bootstrap-timeout must be a number of seconds above 0 up to 86400, not 1E+300")]
    public async Task Deploy_TimeOutOfRange_FailsWithOneErrorLine(string option, string message)
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("deploy", option));

        code.Should().Be(1, output);
        error.Should().Be($"error: {message}\n");
    }

    [Fact]
    public async Task Upgrade_TimeOutOfRange_FailsWithOneErrorLine()
    {
        var (code, _, error) = await CliRun.RunAsync(sample.Args("upgrade", "--bootstrap-timeout=0"));

        code.Should().Be(1);
        error.Should().Be("error: --bootstrap-timeout must be a number of seconds above 0 up to 86400, not 0\n");
    }

    private static (LivenessOptions Liveness, ParseResult Parse) Parse(params string[] args)
    {
        var liveness = new LivenessOptions();
        var command = new RootCommand();
        liveness.AddTo(command);
        return (liveness, command.Parse(args));
    }
}
