using Kolla.Planning;
using Kolla.Tests.Planning;

namespace Kolla.Tests.Certificates;

/// <summary>
/// A scratch copy of samples/all-in-one with HAProxy and ProxySQL on (kolla-ansible's defaults) and TLS asked for:
/// what an operator following kolla-ansible's TLS guide writes. Deleted on dispose.
/// </summary>
internal sealed class TlsSample : IDisposable
{
    public const string Tls = """
        kolla_enable_tls_external: "yes"
        kolla_enable_tls_internal: "yes"
        kolla_copy_ca_into_containers: "yes"

        """;

    private TlsSample(string directory) => Directory = directory;

    /// <summary>The config directory (<c>--configdir</c>).</summary>
    public string Directory { get; }

    /// <summary>Where <c>kolla certificates</c> writes by default.</summary>
    public string Certificates => Path.Combine(Directory, "certificates");

    public string Inventory => Path.Combine(Samples.Directory(Samples.AllInOne), "inventory");

    /// <summary>Creates the copy; <paramref name="extra"/> is appended to globals.yml.</summary>
    public static async Task<TlsSample> CreateAsync(string extra = Tls, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kolla-tls-").FullName;
        var globals = await File.ReadAllTextAsync(Path.Combine(Samples.Directory(Samples.AllInOne), "globals.yml"), cancellationToken);
        globals = globals
            .Replace("enable_haproxy: \"no\"\n", "", StringComparison.Ordinal)
            .Replace("enable_proxysql: \"no\"\n", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(directory, "globals.yml"), globals + extra, cancellationToken);
        return new TlsSample(directory);
    }

    /// <summary>The inputs, with the fixed golden passwords and test facts.</summary>
    public Task<DeploymentInputs> LoadAsync(CancellationToken cancellationToken = default) => Samples.LoadFromAsync(Directory, Inventory, cancellationToken);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
