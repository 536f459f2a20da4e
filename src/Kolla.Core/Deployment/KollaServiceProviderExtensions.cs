using Kolla.Globals;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validation for applications without a Generic Host (which would run <c>ValidateOnStart</c> itself).</summary>
public static class KollaServiceProviderExtensions
{
    /// <summary>Reads <see cref="KollaOptions"/> once, so invalid settings fail now, all listed in one exception.</summary>
    /// <param name="provider">The service provider.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid; <c>Failures</c> lists each problem.</exception>
    public static KollaOptions ValidateKollaOptions(this IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.GetRequiredService<IOptions<KollaOptions>>().Value;
    }
}
