namespace Kepegawaian.Etl.Loading;

/// <summary>
/// Leaves a file that is still being written (a copy or an upload into the inbox) for the next scan:
/// its size or modification time changed during the settle interval, or it was modified less than
/// that interval ago. Loading it half-written would reject its cut last row or fail the whole file.
/// </summary>
internal static class SettleFilter
{
    public static (IReadOnlyList<InboxFile> Ready, IReadOnlyList<InboxFile> Busy) Split(
        IReadOnlyList<InboxFile> files, TimeSpan settle, CancellationToken ct)
    {
        if (settle <= TimeSpan.Zero || files.Count == 0)
            return (files, []);

        // File times come from the real clock, so compare with it rather than the runner's TimeProvider.
        var scanned = DateTime.UtcNow;
        var before = files.Select(f => Stamp(f.Path)).ToList();
        // Two looks one interval apart: one look cannot tell a finished file from a writer that paused.
        if (ct.WaitHandle.WaitOne(settle))
            ct.ThrowIfCancellationRequested();

        var ready = new List<InboxFile>();
        var busy = new List<InboxFile>();
        for (var i = 0; i < files.Count; i++)
        {
            var after = Stamp(files[i].Path);
            if (after is null)
                continue; // moved away meanwhile (renamed by its writer): the next scan sees its new name
            // Quiet for the whole interval before the first look, and unchanged since.
            var settled = after == before[i] && scanned - after.Value.WrittenUtc >= settle;
            (settled ? ready : busy).Add(files[i]);
        }
        return (ready, busy);
    }

    private static (long Size, DateTime WrittenUtc)? Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }
}
