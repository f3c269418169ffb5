using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>Settings of the placement analytics (issue 15), bound from <c>Analytics:Penempatan</c>.</summary>
public sealed class PenempatanOptions : IValidatableObject
{
    public const string Section = "Analytics:Penempatan";

    /// <summary>
    /// Path of an operator's BUP table replacing the shipped <c>Data/batas_usia_pensiun.csv</c> as a whole (same columns:
    /// <c>jenis_jabatan,jenjang,bup,dasar</c>); empty = the shipped table (PP 11/2017 Pasal 239).
    /// </summary>
    public string? BupTable { get; set; }

    /// <summary>
    /// Path of an operator's minimum-education table replacing the shipped <c>Data/pendidikan_minimum.csv</c> as a whole (same
    /// columns: <c>jenis_jabatan,jenjang,pendidikan_minimum,dasar</c>); empty = the shipped table (mart_kesesuaian).
    /// </summary>
    public string? PendidikanTable { get; set; }

    /// <summary>The date the placement marts are computed at; null = the data-through date of the personnel data (never the machine clock).</summary>
    public DateOnly? ReferenceDate { get; set; }

    /// <summary>A jabatan group of a unit losing at least this share of its staff to retirement within <see cref="GelombangYears"/> is a retirement wave.</summary>
    [Range(0.0, 1.0)]
    public double GelombangShare { get; set; } = 0.20;

    /// <summary>The window of the retirement-wave flag, in years after the reference date (1…5).</summary>
    [Range(1, 5)]
    public int GelombangYears { get; set; } = 2;

    /// <summary>A unit with no rotation (a mutasi or promosi into or out of it) within this many years is flagged; needs that many years of mutasi data.</summary>
    [Range(1, 20)]
    public int TanpaRotasiYears { get; set; } = 2;

    /// <summary>Staffing against load (mart_beban): a unit is rated only with at least this many employees (the small-cell rule, 5).</summary>
    [Range(5, 1000)]
    public int BebanMinPegawai { get; set; } = 5;

    /// <summary>A jenis_unit group gets a median (and its units a ratio) only with at least this many rated units.</summary>
    [Range(2, 1000)]
    public int BebanMinUnit { get; set; } = 4;

    /// <summary>SKM respondents per employee at least this many times the group median: beban <c>tinggi</c> (the brief lists these).</summary>
    [Range(1.0, 100.0)]
    public double BebanRasioTinggi { get; set; } = 2.0;

    /// <summary>SKM respondents per employee at most this share of the group median: beban <c>rendah</c> (shown, not alerted).</summary>
    [Range(0.0, 1.0)]
    public double BebanRasioRendah { get; set; } = 0.5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        try { BupRules.Load(this); }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            errors.Add(new ValidationResult(ex.Message, [$"{Section}:{nameof(BupTable)}"]));
        }
        try { PendidikanRules.Load(this); }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            errors.Add(new ValidationResult(ex.Message, [$"{Section}:{nameof(PendidikanTable)}"]));
        }
        return errors;
    }
}
