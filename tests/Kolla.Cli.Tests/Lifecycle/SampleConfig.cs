using Kolla.Passwords;
using Kolla.TestKit;

namespace Kolla.Tests.Lifecycle;

/// <summary>
/// A copy of samples/all-in-one in a temp folder with passwords.yml already generated (small SSH keys, so it is quick).
/// Shared by the tests of a class; tests that write files use their own folders.
/// </summary>
public sealed class SampleConfig : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kolla-cli-sample-").FullName;

    public string Inventory => Path.Combine(Directory, "inventory");

    public string[] Args(params string[] verbAndMore) => [.. verbAndMore, "-i", Inventory, "--configdir", Directory, "--executor", "dry-run"];

    public async ValueTask InitializeAsync()
    {
        Copy(Path.Combine(RepositoryPaths.Root, "samples", "all-in-one"), Directory);
        File.Delete(Path.Combine(Directory, "passwords.yml"));
        await GenPwd.RunAsync(Path.Combine(Directory, "passwords.yml"), createIfMissing: true, new PasswordGenerator { SshKeyBits = 1024 });
    }

    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    public static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative is "passwords.yml" or "admin-openrc.sh" or "clouds.yaml" || relative.StartsWith("out", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
