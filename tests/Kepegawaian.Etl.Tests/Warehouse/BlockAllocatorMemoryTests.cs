using System.ComponentModel.DataAnnotations;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>Warehouse:BlockAllocatorMemory keeps touched data blocks with the writer (a 1 M refresh spent a third of its time faulting pages in).</summary>
public sealed class BlockAllocatorMemoryTests
{
    private static WarehouseDatabase Database(string path, string? blocks, string? limit = "1GB") =>
        new(OptionsFactory.Create(new WarehouseOptions { Path = path, MemoryLimit = limit, BlockAllocatorMemory = blocks }));

    [Fact]
    public void The_default_keeps_a_quarter_of_the_memory_limit_for_the_writer()
    {
        using var folder = TempFolder.Create("blocks");
        var path = folder.File("a.duckdb");
        using (var c = Database(path, new WarehouseOptions().BlockAllocatorMemory).OpenAndMigrate())
        {
            // memory_limit 1GB = 953.6 MiB; a quarter of 10^9 bytes is 238.4 MiB.
            Assert.Equal("238.4 MiB", c.Scalar<string>("SELECT current_setting('block_allocator_memory')"));
            // A second writer connection to the open database finds it set (the setting cannot shrink, so it is not set again).
            using var second = Database(path, "10%").Open();
            Assert.Equal("238.4 MiB", second.Scalar<string>("SELECT current_setting('block_allocator_memory')"));
        }
        using var readOnly = Database(path, "25%").Open(readOnly: true);
        Assert.Equal("0 bytes", readOnly.Scalar<string>("SELECT current_setting('block_allocator_memory')"));
    }

    [Fact]
    public void A_size_is_taken_as_given_and_empty_leaves_duckdbs_default()
    {
        using var folder = TempFolder.Create("blocks");
        using (var c = Database(folder.File("a.duckdb"), "512MiB", limit: null).OpenAndMigrate())
            Assert.Equal("512.0 MiB", c.Scalar<string>("SELECT current_setting('block_allocator_memory')"));
        using var d = Database(folder.File("b.duckdb"), "").OpenAndMigrate();
        Assert.Equal("0 bytes", d.Scalar<string>("SELECT current_setting('block_allocator_memory')"));
    }

    [Theory]
    [InlineData("25%", true)]
    [InlineData("100%", true)]
    [InlineData("4GB", true)]
    [InlineData("", true)]
    [InlineData("150%", false)] // DuckDB: "Unable to parse valid percentage"
    [InlineData("lots", false)]
    [InlineData("25%'; SET threads = 1; --", false)] // it is spliced into a SET statement
    public void Only_a_percentage_or_a_size_is_accepted(string value, bool valid)
    {
        var options = new WarehouseOptions { BlockAllocatorMemory = value };
        Assert.Equal(valid, Validator.TryValidateObject(options, new(options), [], validateAllProperties: true));
    }
}
