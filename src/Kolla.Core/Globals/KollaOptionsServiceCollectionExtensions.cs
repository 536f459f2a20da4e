using Kolla.Globals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="KollaOptions"/> with its validator.</summary>
public static class KollaOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KollaOptions"/>, validated by <see cref="KollaOptionsValidator"/> on start
    /// (hosts call <c>IStartupValidator</c>; a plain provider validates on first use of the options).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>o => o.ConfigDirectory = "/srv/kolla"</c>.</param>
    /// <returns>The options builder, to chain more configuration.</returns>
    public static OptionsBuilder<KollaOptions> AddKollaOptions(this IServiceCollection services, Action<KollaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KollaOptions>, KollaOptionsValidator>());
        var builder = services.AddOptions<KollaOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return builder.ValidateOnStart();
    }
}
