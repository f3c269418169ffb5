using System.Security.Cryptography;
using System.Text;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Loading;

/// <summary>A file found in the inbox, with the entity its name starts with (spec §3).</summary>
internal sealed record InboxFile(string Path, string Name, string? Entity, string? Format)
{
    /// <summary>The source profile whose file pattern selected this file (issue 13); null for a contract-shaped file.</summary>
    public Reading.Profiles.SourceProfile? Profile { get; init; }

    /// <summary>More than one profile matches the name: which mapping is meant is a guess, so the file fails.</summary>
    public string? ProfileConflict { get; init; }

    public int Order => Entity is null ? int.MaxValue : Codes.Entities.ToList().IndexOf(Entity);
}

/// <summary>An inbox entry that is not a regular file (symlink, FIFO, device, folder): never opened.</summary>
internal sealed record SkippedEntry(InboxFile File, string Reason);

internal sealed record InboxScan(IReadOnlyList<InboxFile> Files, IReadOnlyList<SkippedEntry> Skipped);

internal static class InboxScanner
{
    public const string Processed = "processed";
    public const string Failed = "failed";

    /// <summary>Linux NAME_MAX: a file name holds at most 255 bytes of UTF-8.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>
    /// Top-level regular files of the inbox in load order: unit_kerja, pegawai, mutasi, diklat, kinerja,
    /// cuti, skm, then profiles with a crosswalk last, then by name (spec §3.8: an employee loaded earlier in the run is known later). Every
    /// other entry is skipped with a reason, read from the directory entry alone (issue 10 item 1).
    /// </summary>
    public static InboxScan Scan(string inbox, Reading.Profiles.SourceProfiles? profiles = null)
    {
        var files = new List<InboxFile>();
        var skipped = new List<SkippedEntry>();
        foreach (var path in Directory.EnumerateFileSystemEntries(inbox))
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.StartsWith('.')) continue; // editor lock files, partial downloads
            if (profiles?.IsLookupFile(name) == true) continue; // a profile's mapping file (e.g. e-Cuti id → NIP) stays where it is
            var file = WithProfile(new InboxFile(path, name, EntityOf(name), Reading.RecordSources.FormatOf(name)), profiles);
            EntryKind kind;
            try { kind = InboxFileSystem.KindOf(path); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedEntry(file, $"'{name}' tidak dapat diperiksa ({ex.Message}); dilewati."));
                continue;
            }
            if (kind == EntryKind.Regular) files.Add(file);
            else if (!(kind == EntryKind.Directory && name is Processed or Failed)) skipped.Add(new SkippedEntry(file, Reason(name, kind)));
        }
        return new InboxScan(
            // Within an entity, files whose profile reads the warehouse (crosswalk) come after the others: SIASN rw-golongan
            // takes the unit on each TMT from the employee history, which a rw-jabatan file loaded in the same run extends.
            files.OrderBy(f => f.Order).ThenBy(f => f.Profile?.Crosswalk.Count > 0 ? 1 : 0).ThenBy(f => f.Name, StringComparer.Ordinal).ToList(),
            skipped.OrderBy(s => s.File.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>A profile's pattern is checked before the entity prefix: <c>skm-long_…</c> also starts with <c>skm-</c>.</summary>
    private static InboxFile WithProfile(InboxFile file, Reading.Profiles.SourceProfiles? profiles)
    {
        if (profiles is null) return file;
        var matches = profiles.Match(file.Name);
        return matches.Count switch
        {
            0 => file,
            1 => file with { Entity = matches[0].Entity, Profile = matches[0] },
            _ => file with
            {
                Entity = matches[0].Entity,
                ProfileConflict = $"Nama berkas cocok dengan lebih dari satu profil sumber ({string.Join(", ", matches.Select(m => m.Name))}); persempit pola 'file' salah satunya.",
            },
        };
    }

    private static string Reason(string name, EntryKind kind) => kind switch
    {
        EntryKind.Symlink => $"'{name}' adalah tautan simbolik (symlink); hanya berkas biasa di dalam inbox yang dimuat. Dilewati, tidak dibuka: salin berkasnya sendiri ke inbox. / A symlink: skipped, never opened.",
        EntryKind.Directory => $"'{name}' adalah folder; hanya berkas di tingkat teratas inbox yang dimuat. Dilewati. / A folder: skipped.",
        _ => $"'{name}' bukan berkas biasa (FIFO, soket atau perangkat). Dilewati, tidak dibuka. / Not a regular file: skipped, never opened.",
    };

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

    /// <summary>
    /// Moves a file into a subfolder of the inbox, never overwriting an earlier file of the same name: a
    /// second one gets <c>.run{id}</c> (then <c>-2</c>, <c>-3</c> …) before its extension, shortened to fit
    /// <see cref="MaxNameBytes"/>.
    /// </summary>
    public static string MoveTo(string path, string subfolder, long runId)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, subfolder);
        Directory.CreateDirectory(folder);
        var name = System.IO.Path.GetFileName(path);
        var stem = System.IO.Path.GetFileNameWithoutExtension(name);
        var ext = System.IO.Path.GetExtension(name);
        for (var attempt = 0; ; attempt++)
        {
            var candidate = attempt == 0 ? name : FitName(stem, attempt == 1 ? $".run{runId}{ext}" : $".run{runId}-{attempt}{ext}");
            var target = System.IO.Path.Combine(folder, candidate);
            if (File.Exists(target) || Directory.Exists(target))
            {
                if (attempt > 1000) throw new IOException($"Tidak ada nama bebas di {subfolder}/ untuk '{name}'.");
                continue;
            }
            File.Move(path, target);
            return target;
        }
    }

    /// <summary>
    /// <paramref name="stem"/> + <paramref name="suffix"/> within <see cref="MaxNameBytes"/>: when too long,
    /// the stem is cut (never inside a character) and marked with <c>~</c> and 8 hex digits of its SHA-256,
    /// so two long names cut to the same prefix still get different names.
    /// </summary>
    public static string FitName(string stem, string suffix)
    {
        if (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(suffix) <= MaxNameBytes)
            return stem + suffix;
        var mark = "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stem)))[..8];
        var budget = MaxNameBytes - Encoding.UTF8.GetByteCount(suffix) - mark.Length;
        var cut = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget) break;
            cut.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }
        return cut + mark + suffix;
    }
}
