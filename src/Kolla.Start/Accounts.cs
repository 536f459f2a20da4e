namespace Kolla.Start;

/// <summary>
/// Users and groups of the container, read from its <c>/etc/passwd</c> and <c>/etc/group</c> (below the root),
/// as the images resolve names with NSS "files".
/// </summary>
internal sealed class Accounts
{
    private readonly List<(string Name, uint Id)> _users;
    private readonly List<(string Name, uint Id)> _groups;

    private Accounts(List<(string Name, uint Id)> users, List<(string Name, uint Id)> groups)
    {
        _users = users;
        _groups = groups;
    }

    public static Accounts Load(StartRoot root) => new(Read(root.Host("/etc/passwd")), Read(root.Host("/etc/group")));

    /// <summary>Splits an owner: <c>user</c> and <c>user:</c> mean group = user; <c>user:group</c>.</summary>
    public static (string User, string Group) Split(string? owner)
    {
        if (owner is null)
        {
            throw StartException.Crash("TypeError", "owner is required to set ownership");
        }

        var colon = owner.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (owner, owner);
        }

        var user = owner[..colon];
        var group = owner[(colon + 1)..];
        return (user, group.Length == 0 ? user : group);
    }

    /// <summary>Resolves an owner to ids; an unknown name is a crash (exit 2), as upstream's KeyError.</summary>
    public (uint Uid, uint Gid) Resolve(string? owner)
    {
        var (user, group) = Split(owner);
        var uid = Find(_users, user) ?? throw StartException.Crash("KeyError", $"getpwnam(): name not found: '{user}'");
        var gid = Find(_groups, group) ?? throw StartException.Crash("KeyError", $"getgrnam(): name not found: '{group}'");
        return (uid, gid);
    }

    public string? UserName(uint uid) => _users.FirstOrDefault(entry => entry.Id == uid).Name;

    public string? GroupName(uint gid) => _groups.FirstOrDefault(entry => entry.Id == gid).Name;

    private static uint? Find(List<(string Name, uint Id)> entries, string name)
    {
        foreach (var entry in entries)
        {
            if (entry.Name == name)
            {
                return entry.Id;
            }
        }

        return null;
    }

    private static List<(string Name, uint Id)> Read(string hostPath)
    {
        if (!File.Exists(hostPath))
        {
            return [];
        }

        var result = new List<(string Name, uint Id)>();
        foreach (var line in File.ReadLines(hostPath))
        {
            // name:password:id:... — the same field positions in passwd and group.
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0].Length > 0 && !fields[0].StartsWith('#') && uint.TryParse(fields[2], out var id))
            {
                result.Add((fields[0], id));
            }
        }

        return result;
    }
}
