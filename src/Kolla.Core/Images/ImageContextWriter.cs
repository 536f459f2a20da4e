namespace Kolla.Images;

/// <summary>Writes rendered images to folders (<c>kolla build --template-only</c>).</summary>
public static class ImageContextWriter
{
    /// <summary>
    /// Writes <c>&lt;directory&gt;/&lt;image&gt;/Dockerfile</c> and the image's context files; each image folder is
    /// written to a temporary sibling first and moved into place, so a failure leaves no half-written folder.
    /// </summary>
    public static async Task WriteAsync(RenderedImage image, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, image.Name);
        var temp = Path.Combine(directory, $".{image.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(temp);
            await File.WriteAllTextAsync(Path.Combine(temp, "Dockerfile"), image.Dockerfile, cancellationToken).ConfigureAwait(false);
            foreach (var file in image.Files)
            {
                var path = Path.Combine(temp, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content.ToArray(), cancellationToken).ConfigureAwait(false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, (UnixFileMode)file.Mode);
                }
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temp, target);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }
}
