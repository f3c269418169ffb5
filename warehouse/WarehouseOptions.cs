using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Warehouse;

/// <summary>Configuration section <c>Warehouse</c> (spec §6).</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>The DuckDB warehouse file; same as the <c>--db</c> option.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/kepegawaian.duckdb";

    /// <summary>
    /// DuckDB's memory_limit (e.g. "6GB"); empty = DuckDB's default, 80 % of RAM. Beyond it DuckDB spills
    /// to a temp folder beside the file: a national-scale load peaked at 10.4 GiB unbounded, 6.4 GiB at 6GB (bench/README.md).
    /// </summary>
    [RegularExpression(@"^\s*$|^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "Warehouse:MemoryLimit must look like 6GB or 512MiB.")]
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// DuckDB's memory_limit while an ETL run holds the warehouse, when <see cref="MemoryLimit"/> is unset and this is below
    /// DuckDB's default; the default comes back when the run ends, so the refresh keeps all the memory it may use. Unbounded,
    /// DuckDB keeps every block a national load touched (7.3 GiB); at 4GB the same load peaked at 4.2 GiB and was no slower
    /// (bench/README.md, sessions 19 and 21). Empty: no limit of its own.
    /// </summary>
    [RegularExpression(@"^\s*$|^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "Warehouse:LoadMemoryLimit must look like 4GB or 512MiB.")]
    public string? LoadMemoryLimit { get; set; } = "4GB";

    /// <summary>
    /// DuckDB's block_allocator_memory for the writer ("25%" of memory_limit, or a size like "4GB"; empty = DuckDB's default, 0):
    /// memory for data blocks up to this much stays with the process once touched instead of going back to the operating
    /// system after each statement. A refresh at 1 M employees allocates many gigabytes statement after statement, and
    /// faulting fresh pages in cost a third of its time (bench/README.md, session 14). The price: up to this much stays
    /// resident while the warehouse is open.
    /// </summary>
    [RegularExpression(@"^\s*$|^(100|[1-9]?\d(\.\d+)?)%$|^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "Warehouse:BlockAllocatorMemory must look like 25% or 4GB.")]
    public string? BlockAllocatorMemory { get; set; } = "25%";

    /// <summary>Open every connection read-only: set for a reader of the published snapshot (see <see cref="WarehouseSnapshot"/>).</summary>
    public bool ReadOnly { get; set; }
}
