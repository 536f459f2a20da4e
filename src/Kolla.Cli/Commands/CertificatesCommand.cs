using System.CommandLine;
using Kolla.Certificates;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla certificates</c>: kolla-ansible's <c>certificates</c> playbook, a root CA and HAProxy's TLS bundles.</summary>
internal static class CertificatesCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var regenerate = new Option<bool>("--regenerate")
        {
            Description = "Replace every key and certificate, also those still valid (by default what exists is kept).",
        };
        var command = new Command(
            "certificates",
            "Make a root CA and the certificates HAProxy serves with kolla_enable_tls_external / kolla_enable_tls_internal "
            + "(and ProxySQL's, with database_enable_tls_internal), under kolla_certificates_dir (default CONFIGDIR/certificates) with "
            + "kolla-ansible's file names. Existing keys and valid certificates are kept; files are written atomically, private keys "
            + "with mode 0600.")
        {
            regenerate,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => LifecycleRunner.RunWithInputsAsync(console, parse, options, generatePasswords: false, async (inputs, terminal, _, token) =>
        {
            var result = await KollaCertificates.GenerateAsync(
                inputs,
                new CertificatesOptions { Regenerate = parse.GetValue(regenerate), GlobalsPrecedence = options.Precedence(parse) },
                token).ConfigureAwait(false);
            foreach (var file in result.Written)
            {
                terminal.Out.WriteLine($"written  {file}");
            }

            terminal.Out.WriteLine($"certificates: {result.Written.Count} file(s) written, {result.Kept.Count} kept, under {result.Directory}");
            return ExitCodes.Ok;
        }, cancellationToken, gatherFacts: false));
        return command;
    }
}
