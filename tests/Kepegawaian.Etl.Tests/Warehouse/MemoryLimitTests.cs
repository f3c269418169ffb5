using System.ComponentModel.DataAnnotations;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>Warehouse:MemoryLimit bounds DuckDB's memory (a national load peaked at 10.4 GiB without it).</summary>
public sealed class MemoryLimitTests
{
    [Fact]
    public void The_configured_limit_reaches_duckdb_and_none_leaves_its_default()
    {
        using var folder = TempFolder.Create("memlimit");
        var limited = new WarehouseDatabase(OptionsFactory.Create(new WarehouseOptions { Path = folder.File("a.duckdb"), MemoryLimit = "1GB" }));
        using (var c = limited.OpenAndMigrate())
            Assert.Equal("953.6 MiB", c.Scalar<string>("SELECT current_setting('memory_limit')")); // 10^9 bytes in MiB

        using var d = new WarehouseDatabase(folder.File("b.duckdb")).OpenAndMigrate();
        Assert.NotEqual("953.6 MiB", d.Scalar<string>("SELECT current_setting('memory_limit')"));
    }

    [Theory]
    [InlineData("6GB", true)]
    [InlineData("512MiB", true)]
    [InlineData("", true)]
    [InlineData("lots", false)]
    [InlineData("6 GB; threads=1", false)] // nothing else may ride into the connection string
    public void Only_a_size_is_accepted(string value, bool valid)
    {
        var options = new WarehouseOptions { MemoryLimit = value };
        Assert.Equal(valid, Validator.TryValidateObject(options, new(options), [], validateAllProperties: true));
    }
}
