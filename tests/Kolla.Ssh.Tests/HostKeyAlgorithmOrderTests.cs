using Kolla.Ssh;
using Renci.SshNet;

namespace Kolla.Tests;

public sealed class HostKeyAlgorithmOrderTests
{
    [Fact]
    public void Apply_RemovesCertificateAlgorithms()
    {
        var info = new ConnectionInfo("h", "u", new NoneAuthenticationMethod("u"));

        HostKeyAlgorithmOrder.Apply(info, []);

        info.HostKeyAlgorithms.Keys.Should().NotContain(k => k.Contains("-cert-"));
        info.HostKeyAlgorithms.Keys.Should().Contain("ssh-ed25519");
    }

    [Fact]
    public void Apply_KnownTypesComeFirst_RsaCoveringSha2Algorithms()
    {
        var info = new ConnectionInfo("h", "u", new NoneAuthenticationMethod("u"));

        HostKeyAlgorithmOrder.Apply(info, ["ssh-rsa", "ecdsa-sha2-nistp256"]);

        var first = info.HostKeyAlgorithms.Keys.Take(4).ToList();
        first.Take(3).Should().BeEquivalentTo("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        first[3].Should().Be("ecdsa-sha2-nistp256");
    }

    [Fact]
    public void Apply_NothingKnown_KeepsLibraryOrder()
    {
        var info = new ConnectionInfo("h", "u", new NoneAuthenticationMethod("u"));
        var before = info.HostKeyAlgorithms.Keys.Where(k => !k.Contains("-cert-")).ToList();

        HostKeyAlgorithmOrder.Apply(info, []);

        info.HostKeyAlgorithms.Keys.Should().Equal(before);
    }
}
