using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

public class SecretTests
{
    [Fact]
    public void Secret_NeverPrintsItself()
    {
        var secret = new Secret("hunter2");

        secret.ToString().Should().Be("***");
        $"{secret}".Should().Be("***");
        secret.Reveal().Should().Be("hunter2");
        secret.Should().Be(new Secret("hunter2")).And.NotBe(new Secret("hunter3"));
    }

    [Fact]
    public void Secret_ValuesCoverPasswordsAndPrivateKeysButNotPublicKeys()
    {
        var store = PasswordStore.Parse("a: pw1\nb:\nc: ''\nkey:\n  private_key: PRIVATE\n  public_key: ssh-rsa PUBLIC\nn: 5\n");

        store.SecretValues.Should().BeEquivalentTo("pw1", "PRIVATE");
        store.TryGetSecret("a", out var a).Should().BeTrue();
        a.Reveal().Should().Be("pw1");
        store.TryGetSecret("b", out _).Should().BeFalse();
    }

    [Fact]
    public void Masker_HidesEverySecretInText()
    {
        var store = PasswordStore.FromValues(new Dictionary<string, object?>
        {
            ["a"] = "hunter2hunter2",
            ["b"] = "hunter2",
            ["short"] = "ab",
            ["key"] = new Dictionary<string, object?> { ["private_key"] = "-----BEGIN\nXYZ\n", ["public_key"] = "ssh-rsa PUB" },
        });
        var masker = new SecretMasker(store.SecretValues);

        masker.Mask("password=hunter2hunter2 other=hunter2 ab ssh-rsa PUB -----BEGIN\nXYZ\n").Should().Be("password=*** other=*** ab ssh-rsa PUB ***");
    }

    [Theory]
    [InlineData("no secret\nat all\n", false)]
    [InlineData("one=hunter2hunter2\ntwo=hunter2hunter2", false)]
    [InlineData("key:\n-----BEGIN KEY\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n-----END KEY\nafter\n", true)]
    [InlineData("a line of the key alone: ABCDEFGHIJKLMNOPQRSTUVWXYZ\n", false)]
    public void Masker_KnowsWhenMaskingCanChangeTheLineCount(string text, bool mayChange)
    {
        var masker = new SecretMasker(["hunter2hunter2", "-----BEGIN KEY\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n-----END KEY\n"]);
        static int Lines(string s) => s.Count(c => c == '\n');

        masker.MayChangeLines(text).Should().Be(mayChange);
        if (mayChange)
        {
            Lines(masker.Mask(text)).Should().BeLessThan(Lines(text));
        }
        else
        {
            Lines(masker.Mask(text)).Should().Be(Lines(text));
        }
    }

    [Fact]
    public void Masker_CountsASpanningSecretWithAStarAsPresent()
    {
        // Masking the longer secret first gives "***\nx", which is the second one: the text alone does not tell.
        var masker = new SecretMasker(["abcdefgh", "***\nx"]);

        masker.Mask("abcdefgh\nx").Should().Be("***");
        masker.MayChangeLines("abcdefgh\nx").Should().BeTrue();
        new SecretMasker(["abcdefgh", "---\nx"]).MayChangeLines("abcdefgh\nx").Should().BeFalse();
    }
}
