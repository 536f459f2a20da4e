using Kolla.Changes;
using Kolla.Passwords;

namespace Kolla.Tests.Execution;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Create_OneLineChanged_ShowsHunkWithContext()
    {
        var before = "a\nb\nc\nd\ne\nf\ng\n";
        var after = "a\nb\nc\nD\ne\nf\ng\n";

        var diff = UnifiedDiff.Create("/etc/kolla/x.conf", before, after);

        diff.Should().Be("--- /etc/kolla/x.conf\n+++ /etc/kolla/x.conf\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n");
    }

    [Fact]
    public void Create_NewFile_DiffsAgainstDevNull()
    {
        var diff = UnifiedDiff.Create("/x", null, "one\ntwo\n");

        diff.Should().Be("--- /dev/null\n+++ /x\n@@ -0,0 +1,2 @@\n+one\n+two\n");
    }

    [Fact]
    public void Create_EqualTexts_IsEmpty()
    {
        UnifiedDiff.Create("/x", "same\n", "same\n").Should().BeEmpty();
    }

    [Fact]
    public void SecretMasker_MasksEveryOccurrence()
    {
        var masker = new SecretMasker(["s3cretvalue", "abc"]);

        masker.Mask("password = s3cretvalue\nother = s3cretvalue; abc").Should().Be("password = ***\nother = ***; abc");
    }
}
