using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Passwords;
using Kolla.Prechecks;
using Kolla.Serialization;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla prechecks</c>: check variables, inventory, passwords, Docker and ports before deploying (<see cref="Deployment.IKollaDeployer.RunPrechecksAsync"/>).</summary>
internal static class PrechecksCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var minimumApi = new Option<string>("--min-docker-api")
        {
            Description = "Lowest Docker Engine API version accepted (default 1.41, Docker 20.10).",
            DefaultValueFactory = _ => "1.41",
        };
        var command = new Command(
            "prechecks",
            "Check before deploying: kolla_internal_vip_address and per-host addresses set, every inventory group the enabled services use exists, "
            + "no host named by its IP, no empty password the services use, Docker reachable and recent enough, and (on local hosts) the service ports free. "
            + "Exit 1 when a check fails.")
        {
            minimumApi,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunWithInputsAsync(console, parse, options, generatePasswords: false, async (inputs, terminal, masker, token) =>
        {
            if (!Version.TryParse(parse.GetValue(minimumApi), out var minimum))
            {
                throw new CliUsageException($"--min-docker-api must be a version such as 1.41, not '{parse.GetValue(minimumApi)}'");
            }

            var json = parse.GetValue(options.Json);
            var prechecks = new PrecheckOptions
            {
                MinimumDockerApiVersion = minimum,
                Forks = parse.GetValue(options.Forks),
                GlobalsPrecedence = options.Precedence(parse),
                AllowUnimplemented = parse.GetValue(options.AllowUnimplemented),
            };
            var report = await options.Deployer(parse).RunPrechecksAsync(inputs, options.PlanOptions(parse), prechecks, token).ConfigureAwait(false);
            Print(terminal, report, masker, json);
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    private static void Print(Terminal terminal, PrecheckReport report, SecretMasker masker, bool json)
    {
        foreach (var result in report.Results)
        {
            if (json)
            {
                terminal.Out.WriteLine(PlainJson.Serialize(new Dictionary<string, object?>
                {
                    ["event"] = "Precheck",
                    ["check"] = result.Check,
                    ["status"] = result.Status.ToString().ToLowerInvariant(),
                    ["host"] = result.Host,
                    ["message"] = masker.Mask(result.Message),
                }));
                continue;
            }

            var status = result.Status switch
            {
                PrecheckStatus.Passed => terminal.Green("ok  "),
                PrecheckStatus.Warning => terminal.Yellow("WARN"),
                PrecheckStatus.Failed => terminal.Red("FAIL"),
                _ => "skip",
            };
            terminal.Out.WriteLine($"{status}  {result.Check,-9}  {masker.Mask(result.Message)}");
        }

        if (!json)
        {
            var failed = report.Failures.Count;
            var summary = $"prechecks: {report.Results.Count(r => r.Status == PrecheckStatus.Passed)} passed, {report.Warnings.Count} warning(s), "
                + $"{failed} failed, {report.Results.Count(r => r.Status == PrecheckStatus.Skipped)} skipped";
            terminal.Out.WriteLine(failed > 0 ? terminal.Red(summary) : terminal.Green(summary));
        }
    }
}
