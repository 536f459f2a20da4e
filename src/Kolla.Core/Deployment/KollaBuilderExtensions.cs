using Kolla.Converge;
using Kolla.Hosts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Core's additions to <see cref="IKollaBuilder"/>: the dry-run executor and converge settings.</summary>
public static class KollaBuilderExtensions
{
    /// <summary>
    /// Routes every host not served by an executor registered before this call to the dry-run executor: hosts exist only
    /// in memory, nothing is sent anywhere.
    /// </summary>
    /// <param name="builder">The Kolla builder.</param>
    /// <param name="readLocalFiles">
    /// Local hosts (<c>ansible_connection=local</c>) start from this machine's real files, read-only, and have its facts
    /// (<c>kolla --executor dry-run</c>); false (default): every host starts empty.
    /// </param>
    /// <returns>The builder.</returns>
    public static IKollaBuilder AddDryRunExecutor(this IKollaBuilder builder, bool readLocalFiles = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new HostConnectorRoute("dry-run", _ => true, new DryRunHostConnector(readLocalFiles)));
        return builder;
    }

    /// <summary>Sets how plans are applied (forks, serial batches, health waits), replacing the defaults.</summary>
    /// <param name="builder">The Kolla builder.</param>
    /// <param name="options">The converge options.</param>
    /// <returns>The builder.</returns>
    public static IKollaBuilder WithConvergeOptions(this IKollaBuilder builder, ConvergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddSingleton(options);
        return builder;
    }
}
