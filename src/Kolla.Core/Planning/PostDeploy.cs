using Kolla.Passwords;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>
/// <c>kolla post-deploy</c>: writes <c>admin-openrc.sh</c> and <c>clouds.yaml</c> with the cloud's admin credentials into a
/// directory of the deploy host (the config directory), atomically and with mode 0600.
/// </summary>
/// <remarks>Counterpart of kolla-ansible's <c>post-deploy</c> action, which writes the same two files into <c>/etc/kolla</c>.</remarks>
internal static class PostDeploy
{
    /// <summary>The shell file's name.</summary>
    public const string OpenRcFileName = "admin-openrc.sh";

    /// <summary>The openstacksdk file's name.</summary>
    public const string CloudsYamlFileName = "clouds.yaml";

    /// <summary>Writes both files into <paramref name="directory"/> (created if missing), each atomically with mode 0600.</summary>
    /// <param name="inputs">The deployment's inputs (globals, passwords, catalogue defaults).</param>
    /// <param name="directory">Where to write them (the CLI uses <c>--configdir</c>).</param>
    /// <param name="precedence">Where globals sit relative to inventory variables.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="PlanningException">A value is missing, or the directory cannot be created.</exception>
    /// <exception cref="PasswordsException">A file cannot be written (the message names it).</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        DeploymentInputs inputs,
        string directory,
        GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var credentials = AdminCredentials.FromInputs(inputs, precedence);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanningException($"post-deploy: cannot create the directory {directory}: {e.Message}", e);
        }

        var openRc = Path.Combine(directory, OpenRcFileName);
        var clouds = Path.Combine(directory, CloudsYamlFileName);
        await PasswordFile.WriteAtomicAsync(openRc, credentials.ToOpenRc(), cancellationToken).ConfigureAwait(false);
        await PasswordFile.WriteAtomicAsync(clouds, credentials.ToCloudsYaml(), cancellationToken).ConfigureAwait(false);
        return [openRc, clouds];
    }
}
