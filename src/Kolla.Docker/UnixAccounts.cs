using System.Globalization;

namespace Kolla.Docker;

/// <summary>User and group names of the local host, read from <c>/etc/passwd</c> and <c>/etc/group</c>.</summary>
internal sealed class UnixAccounts
{
    private readonly Dictionary<string, uint> _userIds;
    private readonly Dictionary<uint, string> _userNames;
    private readonly Dictionary<string, uint> _groupIds;
    private readonly Dictionary<uint, string> _groupNames;

    private UnixAccounts(IEnumerable<(string Name, uint Id)> users, IEnumerable<(string Name, uint Id)> groups)
    {
        _userIds = new(StringComparer.Ordinal);
        _userNames = [];
        _groupIds = new(StringComparer.Ordinal);
        _groupNames = [];
        foreach (var (name, id) in users)
        {
            _userIds.TryAdd(name, id);
            _userNames.TryAdd(id, name);
        }

        foreach (var (name, id) in groups)
        {
            _groupIds.TryAdd(name, id);
            _groupNames.TryAdd(id, name);
        }
    }

    public static async Task<UnixAccounts> LoadAsync(string passwdPath, string groupPath, CancellationToken cancellationToken)
    {
        var users = await ReadAsync(passwdPath, cancellationToken).ConfigureAwait(false);
        var groups = await ReadAsync(groupPath, cancellationToken).ConfigureAwait(false);
        return new UnixAccounts(users, groups);
    }

    public static UnixAccounts Parse(string passwd, string group) => new(Parse(passwd), Parse(group));

    /// <summary>A user id from a name or a numeric id.</summary>
    public uint? UserId(string user) =>
        _userIds.TryGetValue(user, out var id) ? id : uint.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out id) ? id : null;

    /// <summary>A group id from a name or a numeric id.</summary>
    public uint? GroupId(string group) =>
        _groupIds.TryGetValue(group, out var id) ? id : uint.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out id) ? id : null;

    public string UserName(uint id) => _userNames.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.InvariantCulture);

    public string GroupName(uint id) => _groupNames.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<(string Name, uint Id)>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    private static List<(string Name, uint Id)> Parse(string text)
    {
        var entries = new List<(string, uint)>();
        foreach (var line in text.Split('\n'))
        {
            // name:password:id:...
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0].Length > 0
                && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                entries.Add((fields[0], id));
            }
        }

        return entries;
    }
}
