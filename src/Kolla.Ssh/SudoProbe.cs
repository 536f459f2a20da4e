using Kolla.Hosts;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>
/// With a become password, finds out once per connection whether sudo wants it: <c>sudo -n true</c> succeeding (NOPASSWD)
/// means commands run with <c>sudo -n</c> and the password is not sent; otherwise the password is checked with
/// <c>sudo -k -S true</c>, so a wrong one fails the host at once, naming <c>ansible_become_password</c>.
/// </summary>
internal static class SudoProbe
{
    private const string NoPassword = "kolla-sudo-nopasswd";
    private const string WithPassword = "kolla-sudo-password";

    /// <summary>The become to use: <paramref name="settings"/>' own, without the password when sudo does not ask for one.</summary>
    /// <exception cref="HostExecutionException">sudo refused the password.</exception>
    /// <exception cref="HostUnreachableException">The probe could not run.</exception>
    public static async Task<Become> RunAsync(SshHostSettings settings, SshClient ssh, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var become = settings.Become;
        if (!become.ReadsPassword)
        {
            return become;
        }

        var script = $"if {Become.SudoPrefix(become.User)}true 2>/dev/null; then echo {NoPassword}; " +
            $"elif {Become.SudoPrefix(become.User, withPassword: true)}true; then echo {WithPassword}; else exit 1; fi";
        string output, error;
        try
        {
            using var command = ssh.CreateCommand(SshSession.DrainingInput(script));
            command.CommandTimeout = timeout;
            var execution = command.ExecuteAsync(cancellationToken);
            using (var input = command.CreateInputStream())
            {
                input.Write(become.PasswordLine);
            }

            await execution.ConfigureAwait(false);
            using var reader = new StreamReader(command.OutputStream);
            output = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            error = command.Error;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not KollaException)
        {
            throw new HostUnreachableException(settings.Name, $"checking sudo failed: {ex.Message}", ex);
        }

        return output.Trim() switch
        {
            NoPassword => become with { Password = null },
            WithPassword => become,
            _ => throw new HostExecutionException(settings.Name,
                $"sudo as '{settings.User}' refused the become password (ansible_become_password): {error.Trim()}"),
        };
    }
}
