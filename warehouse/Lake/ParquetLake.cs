using System.Globalization;
using System.Security.Cryptography;
using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse.Lake;

/// <summary>
/// Writes the warehouse as a Hive-partitioned Parquet lake with DuckDB's own COPY (issue 14 §3):
/// <c>&lt;root&gt;/[instansi=X/]versions/&lt;utc-stamp&gt;/&lt;table&gt;/tahun=YYYY/data_0.parquet</c>, then
/// <c>manifest.json</c>, then the pointer <c>&lt;root&gt;/[instansi=X/]CURRENT</c> (temp file + rename, one step),
/// then prunes old versions. A reader follows CURRENT, so it sees the previous whole version or the new whole
/// one; a publish that fails leaves CURRENT where it was. All tables are read in one transaction (one point in time).
/// </summary>
public static class ParquetLake
{
    public const string Pointer = "CURRENT";
    public const string Versions = "versions";

    /// <summary>A version younger than this is never pruned: a reader that followed CURRENT just before a swap is mid-read.</summary>
    public static readonly TimeSpan MinAgeBeforePrune = TimeSpan.FromMinutes(1);

    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    // One publish per process at a time (serve's refresh and a CLI publish of the same process).
    private static readonly Lock PublishLock = new();

    /// <summary>The folder that holds CURRENT and versions/: the root, or its <c>instansi=X</c> subfolder.</summary>
    public static string BaseFor(string root, string? instansi) =>
        string.IsNullOrWhiteSpace(instansi) ? Path.GetFullPath(root) : Path.Combine(Path.GetFullPath(root), "instansi=" + instansi);

    /// <summary>The current version folder of the lake at <paramref name="root"/>, or null before the first publish.</summary>
    public static string? Current(string root, string? instansi)
    {
        var pointer = Path.Combine(BaseFor(root, instansi), Pointer);
        return File.Exists(pointer) ? Path.Combine(BaseFor(root, instansi), File.ReadAllText(pointer).Trim()) : null;
    }

    /// <summary>
    /// Publishes <paramref name="tables"/> read through <paramref name="connection"/> as a new version and makes it
    /// current; with <paramref name="policy"/> a table with a <see cref="LakeCatalog.PersonalColumns"/> column is refused.
    /// Returns the new version folder and its manifest.
    /// </summary>
    public static (string Folder, LakeManifest Manifest) Publish(DuckDBConnection connection, string root, string? instansi, int keep,
        IReadOnlyList<LakeTable> tables, bool policy, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        lock (PublishLock)
        {
            var home = BaseFor(root, instansi);
            var now = time.GetUtcNow();
            var folder = NewVersionFolder(home, now);
            try
            {
                var rows = WriteTables(connection, folder, tables, policy);
                var manifest = new LakeManifest(LakeManifest.CurrentSchemaVersion, instansi, now, rows, Checksums(folder));
                WriteAtomically(Path.Combine(folder, LakeManifest.FileName), manifest.ToJson());
                // No trailing newline: a reader splices the content into a path as it is (README "Lake Parquet").
                WriteAtomically(Path.Combine(home, Pointer), Versions + "/" + Path.GetFileName(folder));
                Prune(home, keep, now);
                return (folder, manifest);
            }
            catch
            {
                // Never current: remove what was written, keep the error.
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                throw;
            }
        }
    }

    private static string NewVersionFolder(string home, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        var folder = Path.Combine(home, Versions, stamp);
        for (var n = 2; Directory.Exists(folder); n++) folder = Path.Combine(home, Versions, $"{stamp}-{n}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static Dictionary<string, long> WriteTables(DuckDBConnection connection, string folder, IReadOnlyList<LakeTable> tables, bool policy)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        connection.Execute("BEGIN TRANSACTION");
        try
        {
            foreach (var table in tables)
            {
                var columns = Columns(connection, table.Select);
                if (policy && columns.FirstOrDefault(LakeCatalog.PersonalColumns.Contains) is { } personal)
                    throw new InvalidOperationException($"Lake table {table.Name} has the personal column '{personal}'; the policy lake never carries one.");
                var target = Path.Combine(folder, table.Name);
                if (columns.Contains("tahun"))
                    connection.Execute($"COPY ({table.Select}) TO {Literal(target)} (FORMAT parquet, PARTITION_BY (tahun))");
                else
                {
                    Directory.CreateDirectory(target);
                    connection.Execute($"COPY ({table.Select}) TO {Literal(Path.Combine(target, "data_0.parquet"))} (FORMAT parquet)");
                }
                rows[table.Name] = connection.Scalar<long>($"SELECT count(*) FROM ({table.Select})");
            }
        }
        catch
        {
            connection.Execute("ROLLBACK");
            throw;
        }
        connection.Execute("COMMIT");
        return rows;
    }

    private static List<string> Columns(DuckDBConnection connection, string select)
    {
        var names = new List<string>();
        using var cmd = connection.Command($"DESCRIBE {select}");
        using var r = cmd.ExecuteReader();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private static SortedDictionary<string, string> Checksums(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return files;
    }

    private static void WriteAtomically(string path, string content)
    {
        var tmp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>
    /// Keeps the current version and the newest <paramref name="keep"/> − 1 other complete ones; deletes the rest
    /// (and folders a crashed publish left without a manifest) once they are a minute old.
    /// </summary>
    private static void Prune(string home, int keep, DateTimeOffset now)
    {
        var current = Path.GetFileName(File.ReadAllText(Path.Combine(home, Pointer)).Trim());
        var kept = 1;
        foreach (var dir in Directory.GetDirectories(Path.Combine(home, Versions)).OrderByDescending(Path.GetFileName, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name == current) continue;
            if (File.Exists(Path.Combine(dir, LakeManifest.FileName)) && kept < keep) { kept++; continue; }
            if (!DateTimeOffset.TryParseExact(name[..Math.Min(name.Length, 19)], StampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var created) || now - created < MinAgeBeforePrune)
                continue;
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
