using System.Text;
using Kolla.Hosts;
using Kolla.Ssh;

namespace Kolla.Tests;

public sealed class TreeStateTests
{
    private const string HashA = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
    private const string HashB = "A1FCE4363854FF888CFF4B8E7875D600C2682390412A8CF79B37D0B11148B0FA";

    [Fact]
    public void Parse_MetadataThenHashes_JoinsByPath()
    {
        var output = Records("660\troot\tkolla\t/etc/kolla/a b/x", "600\t42\t42\t/etc/kolla/new\nline", "",
            $"{HashA}  /etc/kolla/a b/x", $"{HashB}  /etc/kolla/new\nline");

        var state = TreeState.Parse(output);

        state.Should().HaveCount(2);
        state["/etc/kolla/a b/x"].Should().Be(new HostFileState("/etc/kolla/a b/x", HashA, Convert.ToInt32("660", 8), "root", "kolla"));
        state["/etc/kolla/new\nline"].Sha256.Should().Be(HashB.ToLowerInvariant());
        state["/etc/kolla/new\nline"].Mode.Should().Be(Convert.ToInt32("600", 8));
        state["/etc/kolla/new\nline"].Owner.Should().Be("42");
    }

    [Fact]
    public void Parse_BinaryModeMarker_IsAccepted()
    {
        var state = TreeState.Parse(Records("644\troot\troot\t/d/f", "", $"{HashA} */d/f"));

        state["/d/f"].Sha256.Should().Be(HashA);
    }

    [Fact]
    public void Parse_SpecialBits_AreKept()
    {
        var state = TreeState.Parse(Records("4755\troot\troot\t/d/f", "", $"{HashA}  /d/f"));

        state["/d/f"].Mode.Should().Be(Convert.ToInt32("4755", 8));
    }

    [Fact]
    public void Parse_EmptyDirectory_GivesNothing()
    {
        TreeState.Parse(Records("")).Should().BeEmpty();
    }

    [Fact]
    public void Parse_MissingDirectory_GivesNothing()
    {
        TreeState.Parse([]).Should().BeEmpty();
    }

    [Fact]
    public void Parse_FileWithoutHash_IsSkipped()
    {
        var state = TreeState.Parse(Records("644\troot\troot\t/d/gone", "644\troot\troot\t/d/f", "", $"{HashA}  /d/f"));

        state.Keys.Should().Equal("/d/f");
    }

    [Theory]
    [InlineData("rw-\troot\troot\t/d/f")]
    [InlineData("644 root root /d/f")]
    public void Parse_BadMetadata_Throws(string record)
    {
        var act = () => TreeState.Parse(Records(record, ""));

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Parse_BadChecksumRecord_Throws()
    {
        var act = () => TreeState.Parse(Records("", "nothex /d/f"));

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void BuildScript_QuotesDirectoryAndUsesNulSeparatedOutput()
    {
        var script = TreeState.BuildScript("/etc/it's here");

        script.Should().Contain("'/etc/it'\\''s here'").And.Contain("sha256sum -z").And.Contain("-printf");
    }

    [Theory]
    [InlineData("660", "660")]
    [InlineData("600", "600")]
    [InlineData("4755", "4755")]
    [InlineData("7", "007")]
    public void FormatMode_WritesOctal(string octal, string expected)
    {
        TreeState.FormatMode(Convert.ToInt32(octal, 8)).Should().Be(expected);
    }

    [Fact]
    public void FormatOwner_CombinesUserAndGroup()
    {
        TreeState.FormatOwner(new HostFileMode(0, "kolla", "kolla")).Should().Be("kolla:kolla");
        TreeState.FormatOwner(new HostFileMode(0, "kolla")).Should().Be("kolla");
        TreeState.FormatOwner(new HostFileMode(0, Group: "kolla")).Should().Be(":kolla");
        TreeState.FormatOwner(new HostFileMode(0)).Should().BeNull();
    }

    /// <summary>Each record NUL-terminated, as find -printf '…\0' and sha256sum -z print them.</summary>
    private static byte[] Records(params string[] records) =>
        Encoding.UTF8.GetBytes(string.Concat(records.Select(r => r + "\0")));
}
