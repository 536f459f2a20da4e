namespace Kolla.Cli.Commands;

/// <summary>
/// Where the CLI gets an encrypted SSH key's passphrase: the <c>KOLLA_SSH_KEY_PASSPHRASE</c> environment variable, else a
/// prompt on the terminal (one key at a time; the SSH executor asks once per key file and run), else none, and the host
/// fails naming both.
/// </summary>
internal static class SshKeyPassphrase
{
    public const string Variable = "KOLLA_SSH_KEY_PASSPHRASE";

    /// <summary>The passphrase source for <see cref="Kolla.Ssh.SshExecutorOptions.KeyPassphrase"/>.</summary>
    /// <param name="console">The console whose <see cref="CliConsole.ReadSecret"/> asks the person, when there is one.</param>
    /// <param name="environment">Reads an environment variable (the process environment in the CLI).</param>
    public static Func<string, CancellationToken, ValueTask<string?>> Source(CliConsole console, Func<string, string?> environment)
    {
        var prompt = new SemaphoreSlim(1, 1);
        return async (file, cancellationToken) =>
        {
            if (environment(Variable) is { Length: > 0 } given)
            {
                return given;
            }

            if (console.ReadSecret is not { } read)
            {
                return null;
            }

            await prompt.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return read($"Enter passphrase for key '{file}': ");
            }
            finally
            {
                prompt.Release();
            }
        };
    }
}
