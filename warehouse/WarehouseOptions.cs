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

    /// <summary>Open every connection read-only: set for a reader of the published snapshot (see <see cref="WarehouseSnapshot"/>).</summary>
    public bool ReadOnly { get; set; }
}
