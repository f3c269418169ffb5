using Parquet.Serialization;

namespace Kepegawaian.Host.Tests.Lake;

/// <summary>Reads a published lake with Parquet.Net: an engine that is not the writer (DuckDB).</summary>
public static class LakeFiles
{
    /// <summary>Every row of <paramref name="table"/> in <paramref name="version"/>: column → value, plus the Hive keys of its path (e.g. tahun).</summary>
    public static async Task<List<Dictionary<string, object?>>> RowsAsync(string version, string table)
    {
        var rows = new List<Dictionary<string, object?>>();
        var dir = Path.Combine(version, table);
        if (!Directory.Exists(dir)) return rows;
        foreach (var file in Directory.EnumerateFiles(dir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var hive = Path.GetRelativePath(dir, Path.GetDirectoryName(file)!).Split('/')
                .Where(p => p.Contains('=', StringComparison.Ordinal)).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (object?)p[1]);
            await using var stream = File.OpenRead(file);
            var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
            foreach (var values in result.Data)
            {
                var row = new Dictionary<string, object?>(hive, StringComparer.Ordinal);
                foreach (var (name, value) in values) row[name] = value;
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>Every string value in every Parquet file under <paramref name="folder"/>.</summary>
    public static async Task<HashSet<string>> StringsAsync(string folder)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
        {
            await using var stream = File.OpenRead(file);
            var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
            foreach (var row in result.Data)
                foreach (var value in row.Values)
                    if (value is string s) values.Add(s);
        }
        return values;
    }
}
