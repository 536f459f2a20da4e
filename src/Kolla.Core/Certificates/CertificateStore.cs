using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kolla.Certificates;

/// <summary>
/// The certificates directory as <see cref="KollaCertificates"/> fills it: files written atomically (a temporary file in the
/// same directory, then renamed over) with their mode set, what already holds the right content left alone.
/// </summary>
internal sealed class CertificateStore(string directory, bool regenerate)
{
    /// <summary>Directories: owner and group only, as kolla-ansible creates them.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute;

    /// <summary>Private keys and PEM bundles holding one: owner only.</summary>
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Certificates copied for services (<c>ca/root.crt</c>, ProxySQL's): owner and group, as kolla-ansible writes them.</summary>
    public const UnixFileMode SharedMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>Signing requests and certificates under <c>private/</c>: readable by all, as the crypto modules leave them.</summary>
    public const UnixFileMode PublicMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly List<string> _written = [];
    private readonly List<string> _kept = [];

    public string Directory => directory;

    public IReadOnlyList<string> Written => _written;

    public IReadOnlyList<string> Kept => _kept;

    public bool Regenerate => regenerate;

    /// <summary>Creates the directories (and the root) that do not exist yet.</summary>
    public void EnsureDirectories(params string[] relatives)
    {
        foreach (var path in relatives.Prepend("").Select(Full))
        {
            try
            {
                if (!System.IO.Directory.Exists(path))
                {
                    if (OperatingSystem.IsWindows())
                    {
                        System.IO.Directory.CreateDirectory(path);
                    }
                    else
                    {
                        // Set after creation too: the process umask narrows the mode given at creation.
                        System.IO.Directory.CreateDirectory(path, DirectoryMode);
                        File.SetUnixFileMode(path, DirectoryMode);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CertificatesException($"{path}: cannot create the directory: {e.Message}", e);
            }
        }
    }

    /// <summary>The RSA key in a file, made (and written) when missing or when regenerating.</summary>
    public async Task<RSA> KeyAsync(string relative, int bits, CancellationToken cancellationToken)
    {
        if (!regenerate && await ReadAsync(relative, cancellationToken).ConfigureAwait(false) is { } text)
        {
            var existing = RSA.Create();
            try
            {
                existing.ImportFromPem(text);
            }
            catch (ArgumentException e)
            {
                existing.Dispose();
                throw new CertificatesException($"{Full(relative)}: not a PEM RSA private key; move it away, or run with --regenerate to replace every key", e);
            }

            _kept.Add(relative);
            return existing;
        }

        var key = RSA.Create(bits);
        await WriteAsync(relative, CertificateFactory.Pem(key), SecretMode, cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>
    /// The certificate in a file when it is still what it should be (<paramref name="valid"/>); else made by
    /// <paramref name="create"/> and written with its signing request.
    /// </summary>
    public async Task<X509Certificate2> CertificateAsync(
        string certificate,
        string request,
        Func<X509Certificate2, bool> valid,
        Func<(CertificateRequest Request, X509Certificate2 Certificate)> create,
        CancellationToken cancellationToken)
    {
        if (!regenerate && await ReadCertificateAsync(certificate, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (valid(existing) && File.Exists(Full(request)))
            {
                _kept.Add(certificate);
                _kept.Add(request);
                return existing;
            }

            existing.Dispose();
        }

        var (made, signed) = create();
        await WriteAsync(request, CertificateFactory.RequestPem(made), PublicMode, cancellationToken).ConfigureAwait(false);
        await WriteAsync(certificate, CertificateFactory.Pem(signed), PublicMode, cancellationToken).ConfigureAwait(false);
        return signed;
    }

    /// <summary>
    /// A file derived from others (a PEM bundle, a copy): written when its content differs. A bundle whose certificate the
    /// root did not issue (<paramref name="foreign"/>: the operator's own certificate) is kept unless regenerating.
    /// </summary>
    /// <returns>Whether the file now holds <paramref name="text"/> (false: the operator's own certificate was kept).</returns>
    public async Task<bool> DerivedAsync(string path, string text, UnixFileMode mode, Func<X509Certificate2, bool>? foreign, CancellationToken cancellationToken)
    {
        var relative = Relative(path);
        var existing = await ReadAsync(relative, cancellationToken).ConfigureAwait(false);
        if (existing == text)
        {
            _kept.Add(relative);
            return true;
        }

        if (existing is not null && !regenerate && foreign is not null && Parse(existing) is { } certificate)
        {
            using (certificate)
            {
                if (foreign(certificate))
                {
                    _kept.Add(relative);
                    return false;
                }
            }
        }

        await WriteAsync(relative, text, mode, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A path relative to the directory when it is inside it, else the full path.</summary>
    public string Relative(string path)
    {
        var full = Path.GetFullPath(path, directory);
        var relative = Path.GetRelativePath(directory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }

    private string Full(string relative) => Path.GetFullPath(relative, directory);

    private async Task<X509Certificate2?> ReadCertificateAsync(string relative, CancellationToken cancellationToken)
    {
        if (await ReadAsync(relative, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return null;
        }

        return Parse(text) ?? throw new CertificatesException($"{Full(relative)}: not a PEM certificate; move it away, or run with --regenerate to replace it");
    }

    private static X509Certificate2? Parse(string text)
    {
        try
        {
            return X509Certificate2.CreateFromPem(text);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task<string?> ReadAsync(string relative, CancellationToken cancellationToken)
    {
        var path = Full(relative);
        try
        {
            return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificatesException($"{path}: cannot read the file: {e.Message}", e);
        }
    }

    private async Task WriteAsync(string relative, string text, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var path = Full(relative);
        try
        {
            await AtomicFileWriter.WriteAsync(path, Encoding.ASCII.GetBytes(text), mode, cancellationToken).ConfigureAwait(false);
            _written.Add(relative);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificatesException($"{path}: cannot write the file: {e.Message}", e);
        }
    }
}
