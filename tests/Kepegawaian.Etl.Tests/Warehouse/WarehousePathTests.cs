using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>--db is a path, not a piece of a connection string.</summary>
public sealed class WarehousePathTests
{
    [Fact]
    public void A_path_with_semicolons_and_equals_signs_opens_as_that_file()
    {
        using var folder = TempFolder.Create("dbpath");
        var dir = Directory.CreateDirectory(Path.Combine(folder.Path, "data;access_mode=read_only=x")).FullName;
        var path = Path.Combine(dir, "gudang;1.duckdb");
        using (var c = new WarehouseDatabase(path).OpenAndMigrate())
            c.Execute("CREATE TABLE t AS SELECT 42 AS x");
        Assert.True(File.Exists(path));
        using var read = new WarehouseDatabase(path).Open(readOnly: true);
        Assert.Equal(42, read.Scalar<int>("SELECT x FROM t"));
        Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => read.Execute("CREATE TABLE u (x INT)")); // read-only really
    }
}
