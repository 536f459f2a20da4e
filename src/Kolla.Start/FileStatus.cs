namespace Kolla.Start;

/// <summary>What the start program needs from <c>stat</c>: owner ids, the full mode and the file type.</summary>
internal sealed record FileStatus(uint Uid, uint Gid, uint Mode)
{
    private const uint TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsSymbolicLink => (Mode & TypeMask) == 0xA000;

    /// <summary>The permission bits including setuid, setgid and sticky.</summary>
    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    /// <summary>The last four octal digits of the mode, as upstream's check compares them (<c>0600</c>, <c>2775</c>).</summary>
    public string LastFourOctalDigits
    {
        get
        {
            var octal = Convert.ToString(Mode, 8);
            return octal.Length <= 4 ? octal.PadLeft(4, '0') : octal[^4..];
        }
    }
}
