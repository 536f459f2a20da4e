using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Kolla.Compat;
using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public partial class GenPwdTests(GenPwdVectorFixture run) : IClassFixture<GenPwdVectorFixture>
{
    [GeneratedRegex("^[A-Za-z0-9]{40}$")]
    private static partial Regex Password();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid4();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Hex32();

    [GeneratedRegex("^[A-Za-z0-9./]{22}$")]
    private static partial Regex BcryptSalt();

    [GeneratedRegex("^ssh-rsa AAAA[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex SshPublicKey();

    [Fact]
    public void Every_KeyOfTheExampleFileIsKept()
    {
        var exampleKeys = ((IReadOnlyDictionary<string, object?>)YamlLoader.Load(run.OriginalText, AnsibleYamlProfile.Vars)!).Keys;

        run.Written.Keys.Should().BeEquivalentTo(exampleKeys);
        exampleKeys.Should().BeEquivalentTo(PasswordCatalog.BuiltInKeys, "the built-in key list mirrors kolla-ansible's example");
    }

    [Fact]
    public void Every_EmptyKeyGetsTheKindOfValueKollaGenpwdUses()
    {
        foreach (var (key, value) in run.Written)
        {
            if (key is "database_password" or "rbd_secret_uuid")
            {
                continue;
            }

            switch (PasswordCatalog.KindOf(key))
            {
                case PasswordKind.Password:
                    value.Should().BeOfType<string>().Which.Should().MatchRegex(Password(), key);
                    break;
                case PasswordKind.Uuid:
                    value.Should().BeOfType<string>().Which.Should().MatchRegex(Uuid4(), key);
                    Guid.Parse((string)value!).Version.Should().Be(4);
                    break;
                case PasswordKind.HmacMd5:
                    value.Should().BeOfType<string>().Which.Should().MatchRegex(Hex32(), key);
                    break;
                case PasswordKind.FernetKey:
                    var fernet = value.Should().BeOfType<string>().Which;
                    fernet.Should().HaveLength(44);
                    Convert.FromBase64String(fernet.Replace('-', '+').Replace('_', '/')).Should().HaveCount(32);
                    break;
                case PasswordKind.BcryptSalt:
                    value.Should().BeOfType<string>().Which.Should().MatchRegex(BcryptSalt(), key);
                    break;
                case PasswordKind.SshKeyPair:
                    CheckSshKey(key, value);
                    break;
                case PasswordKind.AlwaysBlank:
                    value.Should().BeNull(key);
                    break;
            }
        }
    }

    [Fact]
    public void Values_AlreadySetAreUntouchedAndEmptyStringsAreFilled()
    {
        run.Written["database_password"].Should().Be(GenPwdVectorFixture.PresetPassword);
        run.Written["rbd_secret_uuid"].Should().Be(GenPwdVectorFixture.PresetUuid);
        run.Written["keystone_admin_password"].Should().BeOfType<string>().Which.Should().MatchRegex(Password());
        run.First.FilledKeys.Should().NotContain(["database_password", "rbd_secret_uuid", "docker_registry_password"]);
        run.First.FilledKeys.Should().HaveCount(PasswordCatalog.BuiltInKeys.Count - 3);
    }

    [Fact]
    public void File_IsWrittenWithMode0600AndTheLooseModeIsReported()
    {
        run.ModeAfterFirst.Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        run.First.Written.Should().BeTrue();
        run.First.Warnings.Should().ContainSingle().Which.Should().Contain("world-readable");
        Directory.GetFiles(run.Directory).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Second_RunChangesNothing()
    {
        run.Second.FilledKeys.Should().BeEmpty();
        run.Second.Written.Should().BeFalse();
        run.BytesAfterSecond.Should().Equal(run.BytesAfterFirst);
        run.Second.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void File_IsSortedWithoutCommentsAndKeepsBlanksAsNull()
    {
        var text = Encoding.UTF8.GetString(run.BytesAfterFirst);
        var topKeys = text.Split('\n').Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0])).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList();

        topKeys.Should().BeInAscendingOrder(StringComparer.Ordinal);
        text.Should().NotContain("#").And.NotStartWith("---");
        text.Should().Contain("\ndocker_registry_password: null\n");
    }

    private static void CheckSshKey(string key, object? value)
    {
        var pair = value.Should().BeAssignableTo<IReadOnlyDictionary<string, object?>>(key).Which;
        pair.Keys.Should().BeEquivalentTo("private_key", "public_key");
        var privatePem = pair["private_key"].Should().BeOfType<string>().Which;
        var publicKey = pair["public_key"].Should().BeOfType<string>().Which;
        privatePem.Should().StartWith("-----BEGIN PRIVATE KEY-----\n").And.EndWith("-----END PRIVATE KEY-----\n");
        publicKey.Should().MatchRegex(SshPublicKey());

        using var rsa = RSA.Create();
        rsa.ImportFromPem(privatePem);
        rsa.KeySize.Should().Be(4096, key);

        // The public key must be the private key's: rebuild the OpenSSH blob from the parsed key and compare.
        var parameters = rsa.ExportParameters(false);
        var blob = Convert.FromBase64String(publicKey["ssh-rsa ".Length..]);
        ReadSshString(blob, 0, out var next).Should().Equal(Encoding.ASCII.GetBytes("ssh-rsa"));
        ReadSshString(blob, next, out next).SkipWhile(b => b == 0).Should().Equal(parameters.Exponent);
        ReadSshString(blob, next, out next).SkipWhile(b => b == 0).Should().Equal(parameters.Modulus);
        next.Should().Be(blob.Length);
    }

    private static byte[] ReadSshString(byte[] blob, int offset, out int next)
    {
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(offset));
        next = offset + 4 + length;
        return blob[(offset + 4)..next];
    }
}
