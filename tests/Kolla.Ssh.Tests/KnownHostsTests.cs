using System.Security.Cryptography;
using System.Text;
using Kolla.Ssh;

namespace Kolla.Tests;

public sealed class KnownHostsTests
{
    private readonly byte[] _ed = TestKeys.Ed25519();
    private readonly byte[] _otherEd = TestKeys.Ed25519();
    private readonly byte[] _rsa = TestKeys.Rsa();
    private readonly byte[] _ecdsa = TestKeys.Ecdsa256();

    [Fact]
    public void Verify_PlainEntryWithSameKey_Matches()
    {
        var known = KnownHosts.Parse("# comment\n\n" + TestKeys.Line("node1,10.0.0.11", _ed) + "\n", "kh");

        var result = known.Verify("node1", 22, _ed);

        result.Status.Should().Be(HostKeyStatus.Match);
        result.Line.Should().Be(3);
        result.IsTrusted.Should().BeTrue();
        result.KeyType.Should().Be("ssh-ed25519");
    }

    [Fact]
    public void Verify_SecondNameInList_Matches()
    {
        var known = KnownHosts.Parse(TestKeys.Line("node1,10.0.0.11", _ed), "kh");

        known.Verify("10.0.0.11", 22, _ed).Status.Should().Be(HostKeyStatus.Match);
    }

    [Fact]
    public void Verify_NonDefaultPort_NeedsBracketForm()
    {
        var known = KnownHosts.Parse(TestKeys.Line("[node1]:2222", _ed), "kh");

        known.Verify("node1", 2222, _ed).Status.Should().Be(HostKeyStatus.Match);
        known.Verify("node1", 22, _ed).Status.Should().Be(HostKeyStatus.Unknown);
        known.Verify("node1", 2223, _ed).Status.Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void Verify_PlainNameDoesNotCoverOtherPorts()
    {
        var known = KnownHosts.Parse(TestKeys.Line("node1", _ed), "kh");

        known.Verify("node1", 2222, _ed).Status.Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void Verify_HostNameCase_IsIgnored()
    {
        var known = KnownHosts.Parse(TestKeys.Line("Node1.Example.COM", _ed), "kh");

        known.Verify("NODE1.example.com", 22, _ed).Status.Should().Be(HostKeyStatus.Match);
    }

    [Theory]
    [InlineData("*.example.com", "node1.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("node?", "node7", true)]
    [InlineData("node?", "node17", false)]
    [InlineData("10.0.0.*", "10.0.0.99", true)]
    [InlineData("[10.0.0.*]:2222", "[10.0.0.5]:2222", true)]
    public void Verify_Wildcards_MatchLikeOpenSsh(string pattern, string lookupName, bool expected)
    {
        var known = KnownHosts.Parse(TestKeys.Line(pattern, _ed), "kh");
        var (host, port) = SplitLookupName(lookupName);

        var status = known.Verify(host, port, _ed).Status;

        status.Should().Be(expected ? HostKeyStatus.Match : HostKeyStatus.Unknown);
    }

    [Fact]
    public void Verify_NegatedPattern_ExcludesHostEvenWhenAWildcardMatches()
    {
        var known = KnownHosts.Parse(TestKeys.Line("*.example.com,!bad.example.com", _ed), "kh");

        known.Verify("good.example.com", 22, _ed).Status.Should().Be(HostKeyStatus.Match);
        known.Verify("bad.example.com", 22, _ed).Status.Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void Verify_NegationAlone_MatchesNothing()
    {
        var known = KnownHosts.Parse(TestKeys.Line("!node1", _ed), "kh");

        known.Verify("node2", 22, _ed).Status.Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void Verify_DifferentKeyOfSameType_IsMismatchNamingFileAndLine()
    {
        var known = KnownHosts.Parse("# hosts\n" + TestKeys.Line("node1", _otherEd) + "\n", "/root/.ssh/known_hosts");

        var result = known.Verify("node1", 22, _ed);

        result.Status.Should().Be(HostKeyStatus.Mismatch);
        result.Line.Should().Be(2);
        result.IsTrusted.Should().BeFalse();
        result.Message.Should().Contain("CHANGED").And.Contain("/root/.ssh/known_hosts:2").And.Contain("'node1'");
    }

    [Fact]
    public void Verify_SameKeyOnLaterLine_WinsOverEarlierDifferentKey()
    {
        var known = KnownHosts.Parse(TestKeys.Line("node1", _otherEd) + "\n" + TestKeys.Line("node1", _ed), "kh");

        var result = known.Verify("node1", 22, _ed);

        result.Status.Should().Be(HostKeyStatus.Match);
        result.Line.Should().Be(2);
    }

    [Fact]
    public void Verify_OnlyOtherKeyTypesKnown_IsUnknownAndSaysSo()
    {
        var known = KnownHosts.Parse(TestKeys.Line("node1", _rsa), "kh");

        var result = known.Verify("node1", 22, _ed);

        result.Status.Should().Be(HostKeyStatus.Unknown);
        result.Message.Should().Contain("ssh-rsa");
    }

    [Fact]
    public void Verify_UnknownHost_MessageSuggestsKeyscanWithPort()
    {
        var known = KnownHosts.Parse(TestKeys.Line("node1", _ed), "/tmp/kh");

        var result = known.Verify("node2", 2222, _ed);

        result.Status.Should().Be(HostKeyStatus.Unknown);
        result.Line.Should().BeNull();
        result.HostName.Should().Be("[node2]:2222");
        result.Message.Should().Contain("/tmp/kh").And.Contain("ssh-keyscan -p 2222");
    }

    [Fact]
    public void Verify_ComparesWholeBlob_NotJustType()
    {
        var tampered = (byte[])_ed.Clone();
        tampered[^1] ^= 0xFF;
        var known = KnownHosts.Parse(TestKeys.Line("node1", _ed), "kh");

        known.Verify("node1", 22, tampered).Status.Should().Be(HostKeyStatus.Mismatch);
    }

    [Fact]
    public void Verify_RevokedKey_IsRefusedEvenWhenAlsoListed()
    {
        var text = TestKeys.Line("node1", _ed) + "\n@revoked * " + TestKeys.TypeOf(_ed) + " " + TestKeys.Base64(_ed);
        var known = KnownHosts.Parse(text, "kh");

        var result = known.Verify("node1", 22, _ed);

        result.Status.Should().Be(HostKeyStatus.Revoked);
        result.Line.Should().Be(2);
        result.Message.Should().Contain("@revoked").And.Contain("kh:2");
    }

    [Fact]
    public void Verify_RevokedOtherKey_DoesNotAffectListedKey()
    {
        var text = TestKeys.Line("node1", _ed) + "\n@revoked * " + TestKeys.TypeOf(_otherEd) + " " + TestKeys.Base64(_otherEd);
        var known = KnownHosts.Parse(text, "kh");

        known.Verify("node1", 22, _ed).Status.Should().Be(HostKeyStatus.Match);
    }

    [Fact]
    public void Verify_CertAuthorityLine_NeverTrustsAKey()
    {
        var known = KnownHosts.Parse("@cert-authority *.example.com " + TestKeys.TypeOf(_ed) + " " + TestKeys.Base64(_ed), "kh");

        var result = known.Verify("node1.example.com", 22, _ed);

        result.Status.Should().Be(HostKeyStatus.Unknown);
        result.Message.Should().Contain("@cert-authority").And.Contain("kh:1");
    }

    [Fact]
    public void Verify_HashedEntryComputedByHand_Matches()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[node1]:2222"));
        var hashed = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
        var known = KnownHosts.Parse(TestKeys.Line(hashed, _ed), "kh");

        known.Verify("node1", 2222, _ed).Status.Should().Be(HostKeyStatus.Match);
        known.Verify("NODE1", 2222, _ed).Status.Should().Be(HostKeyStatus.Match);
        known.Verify("node1", 22, _ed).Status.Should().Be(HostKeyStatus.Unknown);
        known.Verify("node2", 2222, _ed).Status.Should().Be(HostKeyStatus.Unknown);
        known.Verify("node1", 2222, _otherEd).Status.Should().Be(HostKeyStatus.Mismatch);
    }

    [Fact]
    public void Verify_KnownOpenSshHashVector_Matches()
    {
        // HMAC-SHA1 with a fixed salt (20 bytes 0x01..0x14) over "example.org", computed independently of the reader.
        var salt = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        using var hmac = new HMACSHA1(salt);
        var hash = hmac.ComputeHash(Encoding.ASCII.GetBytes("example.org"));
        var line = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)} {TestKeys.TypeOf(_ecdsa)} {TestKeys.Base64(_ecdsa)}";

        KnownHosts.Parse(line, "kh").Verify("example.org", 22, _ecdsa).Status.Should().Be(HostKeyStatus.Match);
    }

    [Theory]
    [InlineData("node1 ssh-ed25519")]
    [InlineData("node1 ssh-ed25519 !!notbase64!!")]
    [InlineData("@weird node1 ssh-ed25519 AAAA")]
    [InlineData("|1|bad|hash ssh-ed25519 KEY")]
    public void Parse_MalformedLine_IsSkippedWithWarning(string line)
    {
        var text = line.Replace("KEY", TestKeys.Base64(_ed), StringComparison.Ordinal) + "\n" + TestKeys.Line("node2", _ed);

        var known = KnownHosts.Parse(text, "kh");

        known.Count.Should().Be(1);
        known.Warnings.Should().ContainSingle().Which.Should().StartWith("kh:1:");
        known.Verify("node2", 22, _ed).Status.Should().Be(HostKeyStatus.Match);
    }

    [Fact]
    public void Parse_KeyTypeFieldDisagreeingWithBlob_IsSkipped()
    {
        var known = KnownHosts.Parse("node1 ssh-rsa " + TestKeys.Base64(_ed), "kh");

        known.Count.Should().Be(0);
        known.Warnings.Should().ContainSingle().Which.Should().Contain("does not match");
    }

    [Fact]
    public void Parse_TrailingCommentAndTabsAndCrLf_AreAccepted()
    {
        var known = KnownHosts.Parse("node1\t" + TestKeys.TypeOf(_rsa) + "  " + TestKeys.Base64(_rsa) + " root@node1 extra words\r\n", "kh");

        known.Verify("node1", 22, _rsa).Status.Should().Be(HostKeyStatus.Match);
    }

    [Fact]
    public void GetKnownKeyTypes_ListsTypesForHostInFileOrder()
    {
        var known = KnownHosts.Parse(string.Join('\n', TestKeys.Line("node1", _ecdsa), TestKeys.Line("other", _ed), TestKeys.Line("node1", _rsa)), "kh");

        known.GetKnownKeyTypes("node1", 22).Should().Equal("ecdsa-sha2-nistp256", "ssh-rsa");
    }

    [Fact]
    public void FormatLine_RoundTripsThroughParse()
    {
        var line = KnownHosts.FormatLine("Node1", 2200, _ed);

        line.Should().StartWith("[node1]:2200 ssh-ed25519 ");
        KnownHosts.Parse(line, "kh").Verify("node1", 2200, _ed).Status.Should().Be(HostKeyStatus.Match);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_IsEmptyAndSaysFileDoesNotExist()
    {
        var path = Path.Combine(Path.GetTempPath(), "kt-ssh-missing-" + Guid.NewGuid().ToString("N"), "known_hosts");

        var known = await KnownHosts.LoadAsync(path, TestContext.Current.CancellationToken);

        known.Exists.Should().BeFalse();
        known.Verify("node1", 22, _ed).Message.Should().Contain("does not exist");
    }

    [Fact]
    public void Verify_FingerprintIsOpenSshSha256Form()
    {
        var known = KnownHosts.Parse(string.Empty, "kh");

        var result = known.Verify("node1", 22, _ed);

        result.Fingerprint.Should().Be("SHA256:" + Convert.ToBase64String(SHA256.HashData(_ed)).TrimEnd('='));
    }

    [Fact]
    public void Verify_NotAKeyBlob_Throws()
    {
        var known = KnownHosts.Parse(string.Empty, "kh");

        var act = () => known.Verify("node1", 22, [1, 2, 3]);

        act.Should().Throw<ArgumentException>();
    }

    private static (string Host, int Port) SplitLookupName(string name)
    {
        if (!name.StartsWith('['))
        {
            return (name, 22);
        }

        var close = name.IndexOf(']', StringComparison.Ordinal);
        return (name[1..close], int.Parse(name[(close + 2)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
