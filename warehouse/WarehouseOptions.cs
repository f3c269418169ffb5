using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Warehouse;

/// <summary>Configuration section <c>Warehouse</c> (spec §6).</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>The DuckDB warehouse file; same as the <c>--db</c> option.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/kepegawaian.duckdb";
}
