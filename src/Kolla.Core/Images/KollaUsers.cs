namespace Kolla.Images;

/// <summary>A service account created in images with a fixed id, so files on the host keep their owner across images.</summary>
/// <param name="Uid">User id.</param>
/// <param name="Gid">Group id.</param>
public sealed record KollaUser(int Uid, int Gid);

/// <summary>Kolla's fixed user and group ids (the <c>users</c> template value).</summary>
internal static class KollaUsers
{
    /// <summary>The accounts of the images kolla for .NET builds, by user name.</summary>
    public static IReadOnlyDictionary<string, KollaUser> Default { get; } = new Dictionary<string, KollaUser>(StringComparer.Ordinal)
    {
        ["kolla"] = new(42400, 42400),
        ["ansible"] = new(42401, 42401),
        ["cinder"] = new(42407, 42407),
        ["glance"] = new(42415, 42415),
        ["heat"] = new(42418, 42418),
        ["horizon"] = new(42420, 42420),
        ["keystone"] = new(42425, 42425),
        ["qemu"] = new(42427, 42427),
        ["mysql"] = new(42434, 42434),
        ["neutron"] = new(42435, 42435),
        ["nova"] = new(42436, 42436),
        ["rabbitmq"] = new(42439, 42439),
        ["haproxy"] = new(42454, 42454),
        ["memcached"] = new(42457, 42457),
        ["libvirt"] = new(42473, 42473),
        ["fluentd"] = new(42474, 42474),
        ["openvswitch"] = new(42476, 42476),
        ["hugetlbfs"] = new(42477, 42477),
        ["placement"] = new(42482, 42482),
        ["proxysql"] = new(42487, 42487),
    };
}
