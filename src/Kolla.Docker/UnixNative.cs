using System.Runtime.InteropServices;

namespace Kolla.Docker;

/// <summary>The two libc calls .NET lacks: <c>statx</c> (owner and mode of a path) and <c>lchown</c>.</summary>
/// <remarks><c>struct statx</c> has the same layout on every Linux architecture, unlike <c>struct stat</c>.</remarks>
internal static unsafe partial class UnixNative
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMode = 0x2;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const int StatxSize = 256;

    public static (uint Uid, uint Gid, int Mode) Stat(string path)
    {
        var buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid | StatxGid, buffer) != 0)
        {
            throw Error("statx", path);
        }

        // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode.
        var uid = *(uint*)(buffer + 20);
        var gid = *(uint*)(buffer + 24);
        var mode = *(ushort*)(buffer + 28);
        return (uid, gid, mode & 0xFFF);
    }

    public static void ChangeOwner(string path, uint? uid, uint? gid)
    {
        if (LChown(path, uid ?? uint.MaxValue, gid ?? uint.MaxValue) != 0)
        {
            throw Error("lchown", path);
        }
    }

    private static IOException Error(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, uint owner, uint group);
}
