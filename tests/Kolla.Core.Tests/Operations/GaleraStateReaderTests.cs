using Kolla.Operations;

namespace Kolla.Tests.Operations;

public sealed class GaleraStateReaderTests
{
    private const string Uuid = "8d6c0f3e-5a1b-11ef-9c2d-0242ac120002";

    private static string State(string seqno, string safe) =>
        $"# GALERA saved state\nversion: 2.1\nuuid:    {Uuid}\nseqno:   {seqno}\nsafe_to_bootstrap: {safe}\n";

    [Fact]
    public void ParseStateFile_CleanShutdown_ReadsUuidSeqnoAndFlag()
    {
        GaleraStateReader.ParseStateFile(State("42", "1")).Should().Be((Uuid, 42L, true));
    }

    [Fact]
    public void ParseStateFile_AfterCrash_SeqnoMinusOneNotSafe()
    {
        GaleraStateReader.ParseStateFile(State("-1", "0")).Should().Be((Uuid, -1L, false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage\n")]
    [InlineData("uuid: not-a-uuid\nseqno: twelve\n")]
    [InlineData("uuid: 00000000-0000-0000-0000-000000000000\nseqno: -1\nsafe_to_bootstrap: 0\n")]
    public void ParseStateFile_EmptyOrUnreadable_Unknown(string text)
    {
        GaleraStateReader.ParseStateFile(text).Should().Be(((string?)null, -1L, false));
    }

    [Fact]
    public void ParseRecoveredPosition_ServerAndSafeLines_TakesTheLast()
    {
        var log = $"""
            2026-12-07 21:00:01 0 [Note] WSREP: Recovered position: {Uuid}:17
            WSREP: Recovered position {Uuid}:18
            """;

        GaleraStateReader.ParseRecoveredPosition(log).Should().Be((Uuid, 18L));
    }

    [Fact]
    public void ParseRecoveredPosition_NoPositionLine_Null()
    {
        GaleraStateReader.ParseRecoveredPosition("2026-12-07 21:00:01 0 [ERROR] Aborting\n").Should().BeNull();
    }

    [Fact]
    public void ParseRecoveredPosition_EmptyNode_NilUuidAndMinusOne()
    {
        GaleraStateReader.ParseRecoveredPosition("WSREP: Recovered position: 00000000-0000-0000-0000-000000000000:-1\n")
            .Should().Be(((string?)null, -1L));
    }

    [Fact]
    public void Read_CrashedNode_RecoveredSeqnoWinsOverStateFilesMinusOne()
    {
        var position = GaleraStateReader.Read("db1", State("-1", "0"), $"WSREP: Recovered position: {Uuid}:99\n");

        position.Should().Be(new GaleraPosition("db1", Uuid, 99, SafeToBootstrap: false, HasStateFile: true));
        position.IsKnown.Should().BeTrue();
    }

    [Fact]
    public void Read_CleanNodeWithoutRecoveryLine_StateFileGivesThePosition()
    {
        GaleraStateReader.Read("db1", State("7", "1"), "").Should().Be(new GaleraPosition("db1", Uuid, 7, SafeToBootstrap: true, HasStateFile: true));
    }

    [Fact]
    public void Read_NoStateFileNoRecovery_UnknownPosition()
    {
        var position = GaleraStateReader.Read("db3", null, null);

        position.Should().Be(new GaleraPosition("db3", null, -1, SafeToBootstrap: false, HasStateFile: false));
        position.IsKnown.Should().BeFalse();
    }

    [Fact]
    public void ReadPosition_RecoveryContainerOutput_SplitsLogAndStateFile()
    {
        var output = $"""
            INFO:__main__:Loading config file at /var/lib/kolla/config_files/config.json
            == kolla: wsrep-recover ==
            WSREP: Recovered position {Uuid}:5
            == kolla: grastate.dat ==
            {State("-1", "0")}
            == kolla: end ==
            """;

        MariaDbRecovery.ReadPosition("db2", output).Should().Be(new GaleraPosition("db2", Uuid, 5, SafeToBootstrap: false, HasStateFile: true));
    }

    [Fact]
    public void ReadPosition_RunCutShort_ThrowsWithTheOutput()
    {
        var act = () => MariaDbRecovery.ReadPosition("db2", "== kolla: wsrep-recover ==\nKilled\n");

        act.Should().Throw<KollaException>().WithMessage("db2: the --wsrep-recover run did not finish*Killed*");
    }
}
