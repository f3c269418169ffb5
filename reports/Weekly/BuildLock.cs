namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// An exclusive lock on a file, held while open. .NET takes an OS lock (flock on Linux) for
/// <see cref="FileShare.None"/>, so it excludes other processes and other handles in this one.
/// </summary>
internal static class BuildLock
{
    public static FileStream Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            // Only a sharing violation is worth waiting for; a missing folder or a read-only disk is not.
            catch (IOException ex) when (ex is not (DirectoryNotFoundException or FileNotFoundException) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}
