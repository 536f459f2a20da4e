using Kolla.Passwords;
using Kolla.TestKit;

namespace Kolla.Tests.Passwords;

/// <summary>
/// Runs genpwd once on a copy of kolla-ansible's example passwords.yml (with a few values pre-set and a loose
/// mode), then a second time, and keeps everything the tests look at. RSA 4096 generation is slow, so the
/// tests share this one run.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GenPwdVectorFixture : IAsyncLifetime
{
    public const string PresetPassword = "operator-chosen-password";
    public const string PresetUuid = "00000000-1111-4222-8333-444444444444";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kolla-genpwd-").FullName;

    public string PasswordsPath => Path.Combine(Directory, "passwords.yml");

    public string OriginalText { get; private set; } = string.Empty;

    public GenPwdResult First { get; private set; } = null!;

    public GenPwdResult Second { get; private set; } = null!;

    public byte[] BytesAfterFirst { get; private set; } = [];

    public byte[] BytesAfterSecond { get; private set; } = [];

    public UnixFileMode ModeAfterFirst { get; private set; }

    public IReadOnlyDictionary<string, object?> Written { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.KollaAnsibleInputs, "passwords.yml"));
        OriginalText = text;
        text = Preset(text, "database_password", PresetPassword);
        text = Preset(text, "rbd_secret_uuid", PresetUuid);
        text = Preset(text, "keystone_admin_password", "''");
        await File.WriteAllTextAsync(PasswordsPath, text);
        File.SetUnixFileMode(PasswordsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        First = await GenPwd.RunAsync(PasswordsPath);
        BytesAfterFirst = await File.ReadAllBytesAsync(PasswordsPath);
        ModeAfterFirst = File.GetUnixFileMode(PasswordsPath);
        Written = (await PasswordStore.LoadAsync(PasswordsPath)).Values;

        Second = await GenPwd.RunAsync(PasswordsPath);
        BytesAfterSecond = await File.ReadAllBytesAsync(PasswordsPath);
    }

    private static string Preset(string text, string key, string value) =>
        System.Text.RegularExpressions.Regex.Replace(text, $"(?m)^{key}:$", $"{key}: {value}");

    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
