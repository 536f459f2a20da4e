using System.Collections.Concurrent;
using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

/// <summary>genpwd reports its RSA key pairs: how many first, then one report per pair made (from the generating threads).</summary>
public sealed class GenPwdProgressTests
{
    private sealed class Recorder : IProgress<GenPwdProgress>
    {
        public ConcurrentQueue<GenPwdProgress> Reports { get; } = new();

        public void Report(GenPwdProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void Fill_EmptySshKeys_ReportsTheTotalFirstThenEachPair()
    {
        var store = PasswordStore.Parse("kolla_ssh_key:\nnova_ssh_key:\nkeystone_ssh_key:\nkeystone_admin_password:\n");
        var progress = new Recorder();

        GenPwd.Fill(store, new PasswordGenerator { SshKeyBits = 1024 }, progress, out var filled);

        filled.Should().HaveCount(4);
        var reports = progress.Reports.ToList();
        reports[0].Should().Be(new GenPwdProgress(0, 3));
        reports.Skip(1).Select(r => r.KeysDone).Should().BeEquivalentTo([1, 2, 3]);
        reports.Should().OnlyContain(r => r.KeysTotal == 3);
    }

    [Fact]
    public void Fill_NoSshKeyToMake_ReportsNothing()
    {
        var progress = new Recorder();

        GenPwd.Fill(PasswordStore.Parse("keystone_admin_password:\n"), new PasswordGenerator(), progress, out _);

        progress.Reports.Should().BeEmpty();
    }
}
