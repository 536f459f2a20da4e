using System.CommandLine;
using Kolla.Operations;
using Kolla.Serialization;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla post-deploy</c>: write admin-openrc.sh and clouds.yaml (mode 0600) into the config directory (<see cref="Deployment.IKollaDeployer.PostDeployAsync"/>).</summary>
internal static class PostDeployCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Directory to write the files to (default: --configdir)." };
        var command = new Command(
            "post-deploy",
            "Write admin-openrc.sh and clouds.yaml with the admin credentials (keystone internal URL, admin user, password and project, region) "
            + "into the config directory, atomically and with mode 0600.")
        {
            output,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunAsync(console, parse, options, generatePasswords: false, async (inputs, _, terminal, _, token) =>
        {
            var directory = CliPaths.ExpandHome(parse.GetValue(output) ?? parse.GetValue(options.ConfigDir)!);
            var written = await options.Deployer(parse).PostDeployAsync(inputs, new PostDeployOptions { Directory = directory, GlobalsPrecedence = options.Precedence(parse) }, token).ConfigureAwait(false);
            foreach (var path in written)
            {
                terminal.Out.WriteLine(parse.GetValue(options.Json)
                    ? PlainJson.Serialize(new Dictionary<string, object?> { ["event"] = "FileWritten", ["path"] = path, ["mode"] = "0600" })
                    : $"post-deploy: wrote {path} (mode 0600)");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
