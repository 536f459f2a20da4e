using Kolla.Docker;

namespace Kolla.Tests;

public sealed class UnixAccountsTests
{
    private static readonly UnixAccounts s_accounts = UnixAccounts.Parse(
        "root:x:0:0:root:/root:/bin/bash\nkolla:x:42400:42400::/home/kolla:/bin/sh\nbroken line\n\n",
        "root:x:0:\nkolla:x:42400:\ndocker:x:999:kolla\n");

    [Fact]
    public void Resolves_NamesAndNumericIds()
    {
        s_accounts.UserId("kolla").Should().Be(42400);
        s_accounts.UserId("1234").Should().Be(1234);
        s_accounts.UserId("nobody-here").Should().BeNull();
        s_accounts.GroupId("docker").Should().Be(999);
        s_accounts.GroupId("-1").Should().BeNull();
        s_accounts.UserName(0).Should().Be("root");
        s_accounts.UserName(5000).Should().Be("5000");
        s_accounts.GroupName(999).Should().Be("docker");
    }
}
