using System.Runtime.InteropServices;

namespace Kolla.Start;

/// <summary>The few libc calls .NET does not offer: statx for owner ids, chown and execve.</summary>
internal static unsafe partial class Posix
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const int SigPipe = 13;
    private const int SigSetMask = 2;

    /// <summary>stat (or lstat) a host path; null when it does not exist or cannot be reached.</summary>
    public static FileStatus? TryStat(string hostPath, bool followLinks)
    {
        // struct statx is the same on every architecture: uid at 20, gid at 24, mode (16 bits) at 28; 256 bytes.
        var buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, hostPath, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        return new FileStatus(*(uint*)(buffer + 20), *(uint*)(buffer + 24), *(ushort*)(buffer + 28));
    }

    /// <summary>chown (follows symbolic links, like Python's os.chown).</summary>
    /// <exception cref="IOException">The call failed.</exception>
    public static void Chown(string hostPath, uint uid, uint gid)
    {
        if (ChownNative(hostPath, uid, gid) != 0)
        {
            throw new IOException($"chown {hostPath}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    /// <summary>
    /// Replaces this process with <paramref name="file"/> (looked up in PATH when it has no slash). Resets SIGPIPE
    /// (the .NET runtime ignores it) and the signal mask first, so the service starts as if exec'd by a shell.
    /// Returns only on failure, with the error text.
    /// </summary>
    public static string Exec(string file, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment)
    {
        var path = Resolve(file, environment.GetValueOrDefault("PATH"));
        var args = ToNative([.. argv]);
        var env = ToNative([.. environment.Select(pair => pair.Key + "=" + pair.Value)]);
        try
        {
            Signal(SigPipe, 0);
            var emptySet = stackalloc byte[128];
            Sigprocmask(SigSetMask, emptySet, null);
            fixed (nint* argPointer = args)
            fixed (nint* envPointer = env)
            {
                Execve(path, argPointer, envPointer);
            }

            return Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        }
        finally
        {
            Free(args);
            Free(env);
        }
    }

    private static string Resolve(string file, string? searchPath)
    {
        if (file.Contains('/', StringComparison.Ordinal))
        {
            return file;
        }

        foreach (var directory in (searchPath ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").Split(':'))
        {
            var candidate = Path.Combine(directory.Length == 0 ? "." : directory, file);
            if (File.Exists(candidate) && Access(candidate, 1) == 0)
            {
                return candidate;
            }
        }

        return file;
    }

    private static nint[] ToNative(string[] values)
    {
        var result = new nint[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return result;
    }

    private static void Free(nint[] values)
    {
        foreach (var value in values)
        {
            Marshal.FreeCoTaskMem(value);
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ChownNative(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execve(string path, nint* argv, nint* envp);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "sigprocmask")]
    private static partial int Sigprocmask(int how, byte* set, byte* oldSet);
}
