using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Reports.Options;

/// <summary>Configuration section <c>Reports</c> (spec §6).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Where reports are written (<c>Reports:OutDir</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string OutDir { get; set; } = "out";

    /// <summary><c>id</c> (default) or <c>en</c> (<c>Reports:Language</c>).</summary>
    [RegularExpression("^(id|en)$", ErrorMessage = "Reports:Language must be 'id' or 'en'.")]
    public string Language { get; set; } = "id";

    /// <summary>Smallest group of employees shown unsuppressed (spec §4 "Small cells").</summary>
    [Range(1, 1000, ErrorMessage = "Reports:MinCellSize must be between 1 and 1000.")]
    public int MinCellSize { get; set; } = 5;

    /// <summary>
    /// The report's table CSVs (<c>Reports:TableCsv</c>): <c>Indonesian</c> (default; <c>;</c>, decimal
    /// comma, UTF-8 BOM, shown decimals) or <c>Machine</c> (<c>,</c>, decimal point, full precision).
    /// </summary>
    public Export.CsvStyle TableCsv { get; set; } = Export.CsvStyle.Indonesian;
}
