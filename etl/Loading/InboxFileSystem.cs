using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kepegawaian.Etl.Loading;

/// <summary>What an inbox entry is, read without following a link and without opening it.</summary>
internal enum EntryKind { Regular, Directory, Symlink, Special }

/// <summary>
/// Inbox entries are opened only when they are regular files: a symlink may point outside the inbox
/// (<c>/etc/passwd</c>) or nowhere, and opening a FIFO blocks until a writer appears (issue 10 item 1).
/// On Linux the type comes from <c>statx</c> without following links, and files are opened with
/// <c>O_NOFOLLOW | O_NONBLOCK</c> and checked again on the open descriptor, so an entry swapped for a
/// link or a FIFO between the scan and the open is refused instead of followed or waited on.
/// </summary>
internal static class InboxFileSystem
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int SIfMt = 0xF000, SIfReg = 0x8000, SIfDir = 0x4000, SIfLnk = 0xA000;
    private const int ONonBlock = 0x800, OCloExec = 0x80000;

    public static EntryKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux() && Mode(AtFdCwd, path, AtSymlinkNoFollow) is { } mode)
            return (mode & SIfMt) switch
            {
                SIfReg => EntryKind.Regular,
                SIfDir => EntryKind.Directory,
                SIfLnk => EntryKind.Symlink,
                _ => EntryKind.Special,
            };
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return EntryKind.Symlink;
        return (info.Attributes & FileAttributes.Directory) != 0 ? EntryKind.Directory
            : (info.Attributes & FileAttributes.Device) != 0 ? EntryKind.Special : EntryKind.Regular;
    }

    /// <summary>Opens a regular file for reading; anything else (link, FIFO, device, folder) is an <see cref="IOException"/>.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 1 << 16)
    {
        if (OperatingSystem.IsLinux() && NoFollowFlag() is { } noFollow)
        {
            var fd = Native.Open(path, noFollow | ONonBlock | OCloExec);
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // ELOOP: the last component is a symbolic link.
                throw new IOException(errno == 40
                    ? $"'{Path.GetFileName(path)}' adalah tautan simbolik (symlink); tidak dibuka."
                    : $"Berkas '{Path.GetFileName(path)}' tidak dapat dibuka ({Marshal.GetPInvokeErrorMessage(errno)}).");
            }
            var handle = new SafeFileHandle(fd, ownsHandle: true);
            try
            {
                if (Mode(fd, "", AtEmptyPath) is { } mode && (mode & SIfMt) != SIfReg)
                    throw new IOException($"'{Path.GetFileName(path)}' bukan berkas biasa (FIFO, perangkat atau folder); tidak dibaca.");
                return new FileStream(handle, FileAccess.Read, bufferSize);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
        if (KindOf(path) != EntryKind.Regular)
            throw new IOException($"'{Path.GetFileName(path)}' bukan berkas biasa; tidak dibaca.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
    }

    // O_NOFOLLOW differs between architectures; elsewhere the managed check-then-open is used.
    private static int? NoFollowFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x20000,
        Architecture.Arm64 => 0x8000,
        _ => null,
    };

    /// <summary>st_mode from statx (its layout is the same on every Linux architecture); null when unavailable.</summary>
    private static int? Mode(int dirFd, string path, int flags)
    {
        var buffer = new byte[256];
        try
        {
            if (Native.Statx(dirFd, path, flags, StatxType, buffer) != 0) return null;
        }
        catch (EntryPointNotFoundException) { return null; }
        catch (DllNotFoundException) { return null; }
        return BitConverter.ToUInt16(buffer, 28); // struct statx: stx_mode at offset 28
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
