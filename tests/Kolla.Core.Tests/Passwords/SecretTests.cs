using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

public class SecretTests
{
    [Fact]
    public void A_secret_never_prints_itself()
    {
        var secret = new Secret("hunter2");

        secret.ToString().Should().Be("***");
        $"{secret}".Should().Be("***");
        secret.Reveal().Should().Be("hunter2");
        secret.Should().Be(new Secret("hunter2")).And.NotBe(new Secret("hunter3"));
    }

    [Fact]
    public void Secret_values_cover_passwords_and_private_keys_but_not_public_keys()
    {
        var store = PasswordStore.Parse("a: pw1\nb:\nc: ''\nkey:\n  private_key: PRIVATE\n  public_key: ssh-rsa PUBLIC\nn: 5\n");

        store.SecretValues.Should().BeEquivalentTo("pw1", "PRIVATE");
        store.TryGetSecret("a", out var a).Should().BeTrue();
        a.Reveal().Should().Be("pw1");
        store.TryGetSecret("b", out _).Should().BeFalse();
    }
}
