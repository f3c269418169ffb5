using System.ComponentModel.DataAnnotations;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>
/// Warehouse:MemoryLimit bounds DuckDB's memory (a national load peaked at 10.4 GiB without it);
/// Warehouse:BlockAllocatorMemory keeps touched data blocks with the writer (a 1 M refresh spent a third of its time faulting pages in).
/// </summary>
public sealed class MemorySettingsTests
{
    private static WarehouseDatabase Database(string path, string? limit, string? blocks = "") =>
        new(OptionsFactory.Create(new WarehouseOptions { Path = path, MemoryLimit = limit, BlockAllocatorMemory = blocks }));

    private static string Setting(DuckDB.NET.Data.DuckDBConnection c, string name) => c.Scalar<string>($"SELECT current_setting('{name}')")!;

    [Fact]
    public void The_configured_limit_reaches_duckdb_and_none_leaves_its_default()
    {
        using var folder = TempFolder.Create("memlimit");
        using (var c = Database(folder.File("a.duckdb"), "1GB").OpenAndMigrate())
            Assert.Equal("953.6 MiB", Setting(c, "memory_limit")); // 10^9 bytes in MiB

        using var d = new WarehouseDatabase(folder.File("b.duckdb")).OpenAndMigrate();
        Assert.NotEqual("953.6 MiB", Setting(d, "memory_limit"));
    }

    [Fact]
    public void The_default_keeps_a_quarter_of_the_memory_limit_for_the_writer()
    {
        using var folder = TempFolder.Create("blocks");
        var path = folder.File("a.duckdb");
        using (var c = Database(path, "1GB", new WarehouseOptions().BlockAllocatorMemory).OpenAndMigrate())
        {
            // memory_limit 1GB = 953.6 MiB; a quarter of 10^9 bytes is 238.4 MiB.
            Assert.Equal("238.4 MiB", Setting(c, "block_allocator_memory"));
            // A second writer connection to the open database finds it set (the setting cannot shrink, so it is not set again).
            using var second = Database(path, "1GB", "10%").Open();
            Assert.Equal("238.4 MiB", Setting(second, "block_allocator_memory"));
        }
        using var readOnly = Database(path, "1GB", "25%").Open(readOnly: true);
        Assert.Equal("0 bytes", Setting(readOnly, "block_allocator_memory"));
    }

    [Fact]
    public void A_block_size_is_taken_as_given_and_empty_leaves_duckdbs_default()
    {
        using var folder = TempFolder.Create("blocks");
        using (var c = Database(folder.File("a.duckdb"), null, "512MiB").OpenAndMigrate())
            Assert.Equal("512.0 MiB", Setting(c, "block_allocator_memory"));
        using var d = Database(folder.File("b.duckdb"), "1GB", "").OpenAndMigrate();
        Assert.Equal("0 bytes", Setting(d, "block_allocator_memory"));
    }

    [Theory]
    [InlineData(nameof(WarehouseOptions.MemoryLimit), "6GB", true)]
    [InlineData(nameof(WarehouseOptions.MemoryLimit), "512MiB", true)]
    [InlineData(nameof(WarehouseOptions.MemoryLimit), "", true)]
    [InlineData(nameof(WarehouseOptions.MemoryLimit), "25%", false)]
    [InlineData(nameof(WarehouseOptions.MemoryLimit), "lots", false)]
    [InlineData(nameof(WarehouseOptions.MemoryLimit), "6 GB; threads=1", false)] // nothing else may ride into the connection string
    [InlineData(nameof(WarehouseOptions.LoadMemoryLimit), "4GB", true)]
    [InlineData(nameof(WarehouseOptions.LoadMemoryLimit), "", true)]
    [InlineData(nameof(WarehouseOptions.LoadMemoryLimit), "50%", false)]
    [InlineData(nameof(WarehouseOptions.LoadMemoryLimit), "4GB'; SET threads = 1; --", false)] // it is spliced into a SET statement
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "25%", true)]
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "100%", true)]
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "4GB", true)]
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "", true)]
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "150%", false)] // DuckDB: "Unable to parse valid percentage"
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "lots", false)]
    [InlineData(nameof(WarehouseOptions.BlockAllocatorMemory), "25%'; SET threads = 1; --", false)] // it is spliced into a SET statement
    public void Only_a_size_or_for_blocks_a_percentage_is_accepted(string property, string value, bool valid)
    {
        var options = new WarehouseOptions();
        typeof(WarehouseOptions).GetProperty(property)!.SetValue(options, value);
        Assert.Equal(valid, Validator.TryValidateObject(options, new(options), [], validateAllProperties: true));
    }
}
