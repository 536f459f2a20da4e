using System.Globalization;
using System.Text;
using Kolla.Hosts;

namespace Kolla.Ssh;

/// <summary>Reads the state of a directory tree in one remote command: mode, owner, group and SHA-256 of every regular file.</summary>
/// <remarks>
/// The script prints NUL-terminated records, so any file name (spaces, newlines, backslashes) survives: first
/// <c>find -printf '%m\t%u\t%g\t%p\0'</c> for every file, then one empty record, then <c>sha256sum -z</c> lines
/// (<c>hash  path\0</c>, unescaped with <c>-z</c>). Needs GNU find and coreutils on the target, as kolla hosts have.
/// </remarks>
internal static class TreeState
{
    public static string BuildScript(string directory)
    {
        var dir = ShellQuote.Quote(directory);
        return $"if [ -d {dir} ]; then find {dir} -type f -printf '%m\\t%u\\t%g\\t%p\\0' && printf '\\0' && "
            + $"find {dir} -type f -exec sha256sum -z -- {{}} +; fi";
    }

    /// <exception cref="FormatException">The output does not have the expected shape.</exception>
    public static IReadOnlyDictionary<string, HostFileState> Parse(ReadOnlySpan<byte> output)
    {
        var meta = new Dictionary<string, (int Mode, string Owner, string Group)>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var inHashes = false;
        foreach (var range in output.Split((byte)0))
        {
            var record = output[range];
            if (record.IsEmpty)
            {
                if (range.End.Value == output.Length)
                {
                    continue; // after the final terminator
                }

                inHashes = true;
                continue;
            }

            var text = Encoding.UTF8.GetString(record);
            if (!inHashes)
            {
                var fields = text.Split('\t', 4);
                if (fields.Length != 4 || !TryParseOctal(fields[0], out var mode))
                {
                    throw new FormatException($"unexpected file record '{text}'");
                }

                meta[fields[3]] = (mode, fields[1], fields[2]);
            }
            else
            {
                // "<64 hex>  <path>" ("<64 hex> *<path>" in binary mode).
                if (text.Length < 67 || text[64] != ' ' || (text[65] != ' ' && text[65] != '*'))
                {
                    throw new FormatException($"unexpected checksum record '{text}'");
                }

                hashes[text[66..]] = text[..64].ToLowerInvariant();
            }
        }

        var result = new Dictionary<string, HostFileState>(meta.Count, StringComparer.Ordinal);
        foreach (var (path, (mode, owner, group)) in meta)
        {
            // A file created between the two listings has no metadata, one removed has no hash: both are skipped.
            if (hashes.TryGetValue(path, out var hash))
            {
                result[path] = new HostFileState(path, hash, mode, owner, group);
            }
        }

        return result;
    }

    private static bool TryParseOctal(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 6)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return true;
    }

    /// <summary>Octal text for chmod, e.g. 432 → "660".</summary>
    public static string FormatMode(int mode) => Convert.ToString(mode, 8).PadLeft(3, '0');

    /// <summary>The chown argument for an owner and group (<c>user</c>, <c>:group</c> or <c>user:group</c>); null when neither is set.</summary>
    public static string? FormatOwner(HostFileMode mode) => (mode.Owner, mode.Group) switch
    {
        (null, null) => null,
        ({ } user, null) => user,
        (null, { } group) => ":" + group,
        ({ } user, { } group) => string.Create(CultureInfo.InvariantCulture, $"{user}:{group}"),
    };
}
