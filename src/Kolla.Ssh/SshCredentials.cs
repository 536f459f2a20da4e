using Kolla.Hosts;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Kolla.Ssh;

/// <summary>
/// What one login offers, in order: the key files (encrypted ones decrypted with the passphrase the options give, or
/// served by the agent when it holds the same key), the ssh-agent's other keys, then the password.
/// </summary>
internal sealed class SshCredentials : IDisposable
{
    private readonly List<PrivateKeyFile> _files;

    private SshCredentials(List<PrivateKeyFile> files, IReadOnlyList<IPrivateKeySource> keys, string? password, IReadOnlyList<string> described)
    {
        _files = files;
        Keys = keys;
        Password = password;
        Described = described;
    }

    /// <summary>Keys offered, in order.</summary>
    public IReadOnlyList<IPrivateKeySource> Keys { get; }

    public string? Password { get; }

    /// <summary>What is offered, for messages (<c>FILE</c>, <c>agent: COMMENT</c>, <c>password</c>).</summary>
    public IReadOnlyList<string> Described { get; }

    /// <summary>Loads the keys <paramref name="settings"/> names and lists the agent's.</summary>
    /// <param name="settings">The host's settings.</param>
    /// <param name="passphrase">Gives an encrypted file's passphrase (null: none); cached by the caller.</param>
    /// <param name="logger">Logs an agent that cannot be reached.</param>
    /// <param name="cancellationToken">Cancels a passphrase request.</param>
    /// <exception cref="HostExecutionException">A key file cannot be used, or nothing at all can be offered; the message says what to set.</exception>
    public static async Task<SshCredentials> LoadAsync(SshHostSettings settings, Func<string, CancellationToken, Task<string?>> passphrase, ILogger logger, CancellationToken cancellationToken)
    {
        var agentKeys = AgentKeys(settings, logger);
        var files = new List<PrivateKeyFile>();
        var keys = new List<IPrivateKeySource>();
        var described = new List<string>();
        try
        {
            foreach (var file in settings.KeyFiles)
            {
                if (await LoadFileAsync(settings, file, agentKeys, passphrase, cancellationToken).ConfigureAwait(false) is { } loaded)
                {
                    files.Add(loaded);
                    keys.Add(loaded);
                    described.Add(file);
                }
                else
                {
                    // The agent holds this encrypted file's key: it signs, no passphrase needed.
                    var blob = PublicBlob(file)!;
                    var agentKey = agentKeys.First(k => k.Data.AsSpan().SequenceEqual(blob));
                    keys.Add(agentKey);
                    described.Add($"{file} (ssh-agent)");
                }
            }
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }

        foreach (var key in agentKeys.Where(k => !keys.Contains(k)))
        {
            keys.Add(key);
            described.Add($"ssh-agent key '{key.Comment}'");
        }

        if (settings.Password is not null)
        {
            described.Add("password (ansible_ssh_pass)");
        }

        if (keys.Count == 0 && settings.Password is null)
        {
            throw new HostUnreachableException(settings.Name,
                "nothing to log in with: give a private key (--private-key, ansible_ssh_private_key_file or IdentityFile in the ssh config), " +
                "load one into ssh-agent (SSH_AUTH_SOCK), or set ansible_ssh_pass");
        }

        return new SshCredentials(files, keys, settings.Password, described);
    }

    /// <summary>The authentication methods for <paramref name="user"/>: public key (when there are keys), then password.</summary>
    public AuthenticationMethod[] Methods(string user)
    {
        var methods = new List<AuthenticationMethod>();
        if (Keys.Count > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(user, [.. Keys]));
        }

        if (Password is { } password)
        {
            methods.Add(new PasswordAuthenticationMethod(user, password));
            var interactive = new KeyboardInteractiveAuthenticationMethod(user);
            interactive.AuthenticationPrompt += (_, e) =>
            {
                foreach (var prompt in e.Prompts)
                {
                    prompt.Response = password;
                }
            };
            methods.Add(interactive);
        }

        return [.. methods];
    }

    public void Dispose() => _files.ForEach(f => f.Dispose());

    private static IReadOnlyList<SshAgentKey> AgentKeys(SshHostSettings settings, ILogger logger)
    {
        if (settings.AgentSocket is not { Length: > 0 } socket)
        {
            return [];
        }

        try
        {
            return SshAgent.ListKeys(socket);
        }
        catch (IOException e)
        {
            logger.AgentUnavailable(settings.Name, e.Message);
            return [];
        }
    }

    private static async Task<PrivateKeyFile?> LoadFileAsync(SshHostSettings settings, string file, IReadOnlyList<SshAgentKey> agentKeys, Func<string, CancellationToken, Task<string?>> passphrase, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return new PrivateKeyFile(file);
            }
            catch (SshPassPhraseNullOrEmptyException)
            {
                if (PublicBlob(file) is { } blob && agentKeys.Any(k => k.Data.AsSpan().SequenceEqual(blob)))
                {
                    return null;
                }

                var given = await passphrase(file, cancellationToken).ConfigureAwait(false) ?? throw new HostExecutionException(settings.Name,
                    $"private key {file} is encrypted and no passphrase was given: set KOLLA_SSH_KEY_PASSPHRASE, run kolla on a terminal to be asked, or add the key to ssh-agent (ssh-add)");
                try
                {
                    return new PrivateKeyFile(file, given);
                }
                catch (Exception ex) when (ex is SshException or ArgumentException or System.Security.Cryptography.CryptographicException)
                {
                    throw new HostExecutionException(settings.Name, $"cannot decrypt private key {file}: wrong passphrase? ({ex.Message})", ex);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SshException or ArgumentException)
        {
            throw new HostExecutionException(settings.Name, $"cannot use private key {file}: {ex.Message}", ex);
        }
    }

    /// <summary>The public key blob of <c>FILE.pub</c>, or null when there is none.</summary>
    private static byte[]? PublicBlob(string file)
    {
        try
        {
            var fields = File.ReadAllText(file + ".pub").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 ? Convert.FromBase64String(fields[1]) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
