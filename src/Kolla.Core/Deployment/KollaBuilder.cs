namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The <see cref="IKollaBuilder"/> of <c>AddKolla</c>.</summary>
internal sealed class KollaBuilder(IServiceCollection services) : IKollaBuilder
{
    public IServiceCollection Services { get; } = services;
}
