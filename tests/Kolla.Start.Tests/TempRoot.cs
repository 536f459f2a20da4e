using System.Text;
using System.Text.Json;

namespace Kolla.Start.Tests;

/// <summary>A temp folder standing in for a container's <c>/</c>, with passwd/group and a config.json.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kolla-start-").FullName;
        Root = new StartRoot(Directory);
        // As root (CI) the fake users get their own ids; otherwise they map to the current user, so chown works.
        var probe = Path.Combine(Directory, ".probe");
        File.WriteAllText(probe, string.Empty);
        var me = Posix.TryStat(probe, followLinks: false)!;
        File.Delete(probe);
        NovaUid = Environment.IsPrivilegedProcess ? 42436u : me.Uid;
        KollaGid = Environment.IsPrivilegedProcess ? 42400u : me.Gid;
        NovaGid = Environment.IsPrivilegedProcess ? 42436u : me.Gid;
        Write("/etc/passwd", $"root:x:0:0:root:/root:/bin/bash\nnova:x:{NovaUid}:{NovaGid}::/var/lib/nova:/usr/sbin/nologin\n");
        Write("/etc/group", $"root:x:0:\nkolla:x:{KollaGid}:nova\nnova:x:{NovaGid}:\n");
    }

    public string Directory { get; }

    public StartRoot Root { get; }

    public uint NovaUid { get; }

    public uint NovaGid { get; }

    public uint KollaGid { get; }

    public string Host(string path) => Root.Host(path);

    public void Write(string path, string content)
    {
        var host = Host(path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(host)!);
        File.WriteAllText(host, content);
    }

    public string Read(string path) => File.ReadAllText(Host(path));

    public bool Exists(string path) => Posix.TryStat(Host(path), followLinks: false) is not null;

    public FileStatus Stat(string path) => Posix.TryStat(Host(path), followLinks: false) ?? throw new FileNotFoundException(path);

    public UnixFileMode Mode(string path) => Stat(path).Permissions;

    public void Config(string json) => Write("/var/lib/kolla/config_files/config.json", json);

    /// <summary>Writes config.json from an anonymous object.</summary>
    public void Config(object config) => Config(JsonSerializer.Serialize(config));

    public (int Code, string Log) SetConfigs(string? strategy = "COPY_ALWAYS", bool check = false)
    {
        var log = new StringWriter();
        var code = Start.SetConfigs.Run(Root, check, name => name == "KOLLA_CONFIG_STRATEGY" ? strategy : null, new StartLog(log));
        return (code, log.ToString());
    }

    public static string Lines(params string[] lines) => new StringBuilder().AppendJoin('\n', lines).Append('\n').ToString();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
