using System.CommandLine;
using System.Globalization;
using Kolla.Converge;

namespace Kolla.Cli.Commands;

/// <summary>What the verbs that start containers (deploy, reconfigure, deploy-containers, upgrade) wait for, in seconds (docs/liveness.md).</summary>
internal sealed class LivenessOptions
{
    private const double MaxSeconds = 86400;

    public Option<double?> Settle { get; } = new("--settle")
    {
        Description = "Seconds a host watches the containers it (re)started before the run ends; one that stopped, restarted or turned unhealthy fails it (default 3; 0 checks at once).",
    };

    public Option<double?> HealthTimeout { get; } = new("--health-timeout") { Description = "Seconds to wait for a (re)started container with a health check to become healthy (default 300)." };

    public Option<double?> BootstrapTimeout { get; } = new("--bootstrap-timeout")
    {
        Description = "Seconds a bootstrap one-shot (database setup) may run before it is removed and its host fails (default: the service's own timeout, 1800 unless it sets one).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Settle);
        command.Options.Add(HealthTimeout);
        command.Options.Add(BootstrapTimeout);
    }

    /// <summary><paramref name="options"/> with the times given on the command line.</summary>
    /// <exception cref="CliUsageException">A time is negative, zero where that makes no sense, or over a day.</exception>
    public ConvergeOptions Apply(ParseResult parse, ConvergeOptions options) => options with
    {
        SettleTime = Seconds(parse, Settle, zeroAllowed: true) ?? options.SettleTime,
        HealthTimeout = Seconds(parse, HealthTimeout, zeroAllowed: false) ?? options.HealthTimeout,
        BootstrapTimeout = Seconds(parse, BootstrapTimeout, zeroAllowed: false) ?? options.BootstrapTimeout,
    };

    private static TimeSpan? Seconds(ParseResult parse, Option<double?> option, bool zeroAllowed)
    {
        if (parse.GetValue(option) is not { } seconds)
        {
            return null;
        }

        if (!double.IsFinite(seconds) || seconds < 0 || (seconds == 0 && !zeroAllowed) || seconds > MaxSeconds)
        {
            var range = zeroAllowed ? "from 0" : "above 0";
            throw new CliUsageException($"{option.Name} must be a number of seconds {range} up to {MaxSeconds.ToString(CultureInfo.InvariantCulture)}, not {seconds.ToString(CultureInfo.InvariantCulture)}");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
