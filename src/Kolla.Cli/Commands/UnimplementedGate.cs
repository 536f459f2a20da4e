using System.CommandLine;
using Kolla.Cli.Output;
using Kolla.Planning;

namespace Kolla.Cli.Commands;

/// <summary>
/// Stops a lifecycle verb before it touches anything when the inputs ask for what the catalogue does not implement
/// (<see cref="UnimplementedSettings"/>); <c>--allow-unimplemented</c> turns that into a warning on stderr.
/// </summary>
/// <remarks>
/// <c>stop</c> and <c>destroy</c> are never refused (an operator must always be able to tear down) and say nothing, nor
/// does <c>gather-facts</c>, which only reads; <c>prechecks</c> reports the findings as its <c>unimplemented</c> check
/// instead; <c>post-deploy</c> only warns. Every other lifecycle verb refuses. Services kolla-ansible's defaults would
/// add (heat) are a warning, left out when <c>--tags</c> narrows the run.
/// </remarks>
internal static class UnimplementedGate
{
    private const string Advice = "use --allow-unimplemented to continue anyway";

    public static async Task ApplyAsync(DeploymentInputs inputs, ParseResult parse, LifecycleOptions options, Terminal terminal)
    {
        var verb = parse.CommandResult.Command.Name;
        // certificates refuses what it cannot make itself (backend TLS), and nothing else concerns it.
        if (verb is "stop" or "destroy" or "prechecks" or "gather-facts" or "certificates")
        {
            return;
        }

        var precedence = options.Precedence(parse);
        var refused = UnimplementedSettings.Find(inputs, precedence);
        if (refused.Count > 0)
        {
            if (!parse.GetValue(options.AllowUnimplemented) && verb != "post-deploy")
            {
                UnimplementedSettings.ThrowIfAny(refused, Advice);
            }

            await terminal.WarningAsync(string.Join("\n  ", refused.Select(s => s.ToString())
                .Prepend("warning: settings this deployment asks for are not implemented; continuing anyway (--allow-unimplemented):"))).ConfigureAwait(false);
        }

        // What kolla-ansible's defaults would also deploy matters to a whole deployment, not to one narrowed by --tags.
        if (options.PlanOptions(parse).Tags.Count > 0)
        {
            return;
        }

        foreach (var setting in UnimplementedSettings.FindDefaults(inputs, precedence))
        {
            await terminal.WarningAsync("warning: " + setting).ConfigureAwait(false);
        }
    }
}
