using Kolla.Docker.Build;

namespace Kolla.Tests.Build;

public sealed class DebianMirrorTests : IDisposable
{
    private readonly DirectoryInfo _apt = Directory.CreateTempSubdirectory("kolla-apt-");

    public void Dispose() => _apt.Delete(recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_apt.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void First_ArchiveOfADeb822SourcesFileWinsOverSecurity()
    {
        Write("sources.list.d/debian.sources", "Types: deb\nURIs: http://security.debian.org/debian-security\nSuites: bookworm-security\n\nTypes: deb\nURIs: http://mirror.example/debian/\nSuites: bookworm\n");
        Write("sources.list", "deb http://other.example/debian bookworm main\n");

        DebianMirror.Detect(_apt.FullName).Should().Be("http://mirror.example/debian");
    }

    [Fact]
    public void Sources_ListDebLineWithOptionsIsUsedWhenThereIsNoSourcesFile()
    {
        Write("sources.list", "# comment\ndeb-src http://src.example/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://list.example/debian bookworm main\n");

        DebianMirror.Detect(_apt.FullName).Should().Be("http://list.example/debian");
    }

    [Fact]
    public void Without_SourcesTheFallbackIsDebDebianOrg()
    {
        DebianMirror.Detect(_apt.FullName).Should().Be("http://deb.debian.org/debian");
    }
}
