using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Loading;

/// <summary>A file found in the inbox, with the entity its name starts with (spec §3).</summary>
internal sealed record InboxFile(string Path, string Name, string? Entity, string? Format)
{
    public int Order => Entity is null ? int.MaxValue : Codes.Entities.ToList().IndexOf(Entity);
}

internal static class InboxScanner
{
    public const string Processed = "processed";
    public const string Failed = "failed";

    /// <summary>
    /// Top-level files of the inbox in load order: unit_kerja, pegawai, mutasi, diklat, kinerja,
    /// cuti, skm, then by name (spec §3.8: an employee loaded earlier in the run is known later).
    /// </summary>
    public static IReadOnlyList<InboxFile> Scan(string inbox) =>
        Directory.EnumerateFiles(inbox)
            .Select(p => System.IO.Path.GetFileName(p))
            .Where(n => !n.StartsWith('.')) // editor lock files, partial downloads
            .Select(n => new InboxFile(System.IO.Path.Combine(inbox, n), n, EntityOf(n), Reading.RecordSources.FormatOf(n)))
            .OrderBy(f => f.Order).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The entity a file name starts with, followed by <c>_</c>, <c>-</c> or <c>.</c>; null when none.</summary>
    public static string? EntityOf(string fileName)
    {
        foreach (var entity in Codes.Entities)
            if (fileName.Length > entity.Length
                && fileName.StartsWith(entity, StringComparison.OrdinalIgnoreCase)
                && fileName[entity.Length] is '_' or '-' or '.')
                return entity;
        return null;
    }

    /// <summary>Moves a file into a subfolder of the inbox, never overwriting an earlier file of the same name.</summary>
    public static string MoveTo(string path, string subfolder, long runId)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, subfolder);
        Directory.CreateDirectory(folder);
        var name = System.IO.Path.GetFileName(path);
        var target = System.IO.Path.Combine(folder, name);
        if (File.Exists(target))
            target = System.IO.Path.Combine(folder, $"{System.IO.Path.GetFileNameWithoutExtension(name)}.run{runId}{System.IO.Path.GetExtension(name)}");
        File.Move(path, target);
        return target;
    }
}
