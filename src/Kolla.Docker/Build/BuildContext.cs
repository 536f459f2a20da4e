using System.Formats.Tar;
using System.Text;
using Kolla.Images;

namespace Kolla.Docker.Build;

/// <summary>Packs a rendered image (its <c>Dockerfile</c> and context files) into the tar the build API takes.</summary>
public static class BuildContext
{
    /// <summary>The context file name of the start script.</summary>
    public const string KollaStart = "kolla_start";

    /// <summary>Writes the context tar; <paramref name="kollaStart"/>, when given, is added as <c>kolla_start</c> (mode 0755).</summary>
    public static MemoryStream Create(RenderedImage image, ReadOnlyMemory<byte>? kollaStart = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(tar, "Dockerfile", Encoding.UTF8.GetBytes(image.Dockerfile), 420);
            var directories = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in image.Files)
            {
                for (var slash = file.Path.IndexOf('/'); slash > 0; slash = file.Path.IndexOf('/', slash + 1))
                {
                    var dir = file.Path[..slash] + "/";
                    if (directories.Add(dir))
                    {
                        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, dir) { Mode = (UnixFileMode)493, ModificationTime = Epoch });
                    }
                }

                Add(tar, file.Path, file.Content, file.Mode);
            }

            if (kollaStart is { } start && !image.HasFile(KollaStart))
            {
                Add(tar, KollaStart, start, 493);
            }
        }

        output.Position = 0;
        return output;
    }

    private static DateTimeOffset Epoch => DateTimeOffset.UnixEpoch;

    private static void Add(TarWriter tar, string path, ReadOnlyMemory<byte> content, int mode)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
        {
            Mode = (UnixFileMode)mode,
            ModificationTime = Epoch,
            DataStream = new MemoryStream(content.ToArray(), writable: false),
        };
        tar.WriteEntry(entry);
    }
}
