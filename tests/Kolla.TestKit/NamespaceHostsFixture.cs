using Xunit;

namespace Kolla.TestKit;

/// <summary>
/// <see cref="NamespaceHosts"/> as an xUnit collection or class fixture: two hosts without Docker by
/// default; derive with <c>: NamespaceHostsFixture(3, withDocker: true)</c> for other shapes.
/// </summary>
public class NamespaceHostsFixture : IAsyncLifetime
{
    private readonly int _count;
    private readonly bool _withDocker;
    private NamespaceHosts? _hosts;
    private TestRigUnavailableException? _unavailable;

    /// <summary>Initializes a new instance for two hosts without Docker engines.</summary>
    public NamespaceHostsFixture()
        : this(2, withDocker: false)
    {
    }

    /// <summary>Initializes a new instance for <paramref name="count"/> hosts.</summary>
    /// <param name="count">How many hosts.</param>
    /// <param name="withDocker">Whether each host gets its own Docker engine.</param>
    protected NamespaceHostsFixture(int count, bool withDocker)
    {
        _count = count;
        _withDocker = withDocker;
    }

    /// <summary>Gets the hosts.</summary>
    /// <exception cref="TestRigUnavailableException">They could not be created.</exception>
    public NamespaceHosts Hosts => _hosts ?? throw _unavailable ?? TestRig.Unavailable("The namespace hosts fixture was not initialized.");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            _hosts = await NamespaceHosts.CreateAsync(_count, _withDocker, cancellationToken: timeout.Token);
        }
        catch (TestRigUnavailableException e)
        {
            _unavailable = e;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
