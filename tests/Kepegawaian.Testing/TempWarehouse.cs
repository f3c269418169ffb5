using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Testing;

/// <summary>A real, migrated DuckDB warehouse file in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TempWarehouse : IDisposable
{
    public TempWarehouse()
    {
        Folder = TempFolder.Create("wh");
        Path = System.IO.Path.Combine(Folder.Path, "kepegawaian.duckdb");
        Database = new WarehouseDatabase(Path);
        using var _ = Database.OpenAndMigrate();
    }

    public TempFolder Folder { get; }
    public string Path { get; }
    public WarehouseDatabase Database { get; }

    public DuckDBConnection Open() => Database.Open();

    public T? Scalar<T>(string sql)
    {
        using var c = Open();
        return c.Scalar<T>(sql);
    }

    public void Dispose() => Folder.Dispose();
}

/// <summary>A temporary folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    public string Path { get; }

    public static TempFolder Create(string prefix)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kepegawaian-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TempFolder(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Sub(string name)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(p);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
