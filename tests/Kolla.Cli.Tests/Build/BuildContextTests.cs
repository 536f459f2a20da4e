using System.Formats.Tar;
using System.Text;
using Kolla.Docker.Build;
using Kolla.Images;

namespace Kolla.Tests.Build;

public class BuildContextTests
{
    private static RenderedImage Image(params ImageFile[] files) =>
        new("base", "kolla/base:t", "base/Dockerfile.j2", "FROM x\nCOPY kolla_start /k\n", files, "x", 1, null);

    private static Dictionary<string, (TarEntryType Type, UnixFileMode Mode, string Text)> Read(Stream tar)
    {
        var entries = new Dictionary<string, (TarEntryType, UnixFileMode, string)>();
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry() is { } entry)
        {
            var text = entry.DataStream is null ? string.Empty : new StreamReader(entry.DataStream, Encoding.UTF8).ReadToEnd();
            entries[entry.Name] = (entry.EntryType, entry.Mode, text);
        }

        return entries;
    }

    [Fact]
    public void Tar_HoldsTheDockerfileTheFilesWithTheirModesAndKollaStart()
    {
        var image = Image(new ImageFile("conf/a.conf", Encoding.UTF8.GetBytes("a=1\n")), new ImageFile("run.sh", Encoding.UTF8.GetBytes("#!/bin/sh\n"), 493));

        using var tar = BuildContext.Create(image, Encoding.UTF8.GetBytes("start"));
        var entries = Read(tar);

        entries.Keys.Should().BeEquivalentTo("Dockerfile", "conf/", "conf/a.conf", "run.sh", "kolla_start");
        entries["Dockerfile"].Text.Should().Be(image.Dockerfile);
        entries["conf/"].Type.Should().Be(TarEntryType.Directory);
        entries["run.sh"].Mode.Should().Be((UnixFileMode)493);
        entries["conf/a.conf"].Mode.Should().Be((UnixFileMode)420);
        entries["kolla_start"].Should().Be((TarEntryType.RegularFile, (UnixFileMode)493, "start"));
    }

    [Fact]
    public void Kolla_StartInTheTreeIsKept()
    {
        var image = Image(new ImageFile("kolla_start", Encoding.UTF8.GetBytes("mine"), 493));

        using var tar = BuildContext.Create(image, Encoding.UTF8.GetBytes("given"));

        Read(tar)["kolla_start"].Text.Should().Be("mine");
    }
}
