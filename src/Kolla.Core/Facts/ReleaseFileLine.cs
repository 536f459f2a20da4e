namespace Kolla.Facts;

/// <summary>The first line of an <c>/etc/*-release</c> file.</summary>
/// <param name="Name">The file name, without <c>/etc/</c>.</param>
/// <param name="FirstLine">The first line without its newline, or null when the file is empty.</param>
internal sealed record ReleaseFileLine(string Name, string? FirstLine);
