using System.Globalization;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Reports;

/// <summary>
/// Language of reports and dashboards (spec §1): Indonesian by default — number format <c>1.234,5</c>,
/// Indonesian month names — English by <c>Reports:Language = en</c>.
/// </summary>
public sealed partial class ReportText
{
    private static readonly string[] BulanId = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] BulanEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private ReportText(bool english)
    {
        English = english;
        Number = new NumberFormatInfo
        {
            NumberDecimalSeparator = english ? "." : ",",
            NumberGroupSeparator = english ? "," : ".",
            PercentDecimalSeparator = english ? "." : ",",
            PercentGroupSeparator = english ? "," : ".",
            NegativeSign = "-",
        };
    }

    public static ReportText Indonesian { get; } = new(false);
    public static ReportText EnglishText { get; } = new(true);
    public static ReportText For(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? EnglishText : Indonesian;

    public bool English { get; }
    public string Code => English ? "en" : "id";
    public NumberFormatInfo Number { get; }

    /// <summary>Picks the Indonesian or English string.</summary>
    public string T(string id, string en) => English ? en : id;

    public string N(double value, int decimals = 2) => double.IsNaN(value) ? "–" : value.ToString("N" + decimals, Number);
    public string N(double? value, int decimals = 2) => value is { } v ? N(v, decimals) : "–";
    public string Int(long value) => value.ToString("N0", Number);
    public string Pct(double share, int decimals = 1) => N(share * 100, decimals) + " %";
    public string Signed(double? value, int decimals = 2) => value is { } v ? (v > 0 ? "+" : "") + N(v, decimals) : "–";

    /// <summary>A p-value with three decimals; below 0.001 as "&lt; 0,001" rather than a misleading "0,000".</summary>
    public string P(double? p) => p switch { null => "–", < 0.001 => "< " + N(0.001, 3), { } v => N(v, 3) };

    public string MonthName(int month) => (English ? BulanEn : BulanId)[month - 1];
    public string MonthShort(int month) => MonthName(month)[..3];
    public string Date(DateOnly d) => $"{d.Day} {MonthName(d.Month)} {d.Year}";
    public string MonthYear(DateOnly d) => $"{MonthShort(d.Month)} {d.Year}";

    /// <summary>
    /// The one readable label of a period, for reports and dashboard: "Tahun 2026", "Semester I 2026",
    /// "Triwulan IV 2026", "November 2026", "Minggu ke-48 (23–29 November 2026)" (English: "Year 2026",
    /// "Half-year 1 2026", "Quarter 4 2026", "November 2026", "Week 48 (23–29 November 2026)").
    /// </summary>
    public string Period(Periode p) => p.Kind switch
    {
        PeriodeKind.Tahun => T($"Tahun {p.Year}", $"Year {p.Year}"),
        PeriodeKind.Semester => T($"Semester {Roman(p.Number)} {p.Year}", $"Half-year {p.Number} {p.Year}"),
        PeriodeKind.Triwulan => T($"Triwulan {Roman(p.Number)} {p.Year}", $"Quarter {p.Number} {p.Year}"),
        PeriodeKind.Bulan => $"{MonthName(p.Number)} {p.Year}",
        PeriodeKind.Minggu => T($"Minggu ke-{p.Number}", $"Week {p.Number}") + $" ({DateRange(p.Start, p.End.AddDays(-1))})",
        _ => p.ToString(),
    };

    /// <summary>A code as words: "sosial_kultural" → "Sosial kultural".</summary>
    public static string Readable(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');

    /// <summary>Text written by the analytics in invariant culture (status lines such as "max SMD 0.124 > 0.1") with the report's decimal separator.</summary>
    public string Prose(string? s) => s is null ? "" : English ? s : DecimalPoint().Replace(s, ",");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)\.(?=\d)")]
    private static partial System.Text.RegularExpressions.Regex DecimalPoint();

    /// <summary>The label of a period string; text that is not a period is returned unchanged.</summary>
    public string Period(string? periode) => Periode.TryParse(periode, out var p) ? Period(p) : periode ?? "";

    /// <summary>
    /// A period as shown in a report for a week ending (exclusive) at <paramref name="reportEnd"/>: a period that has not
    /// ended by then is partial and says so, with the last day of data it holds — "Triwulan IV 2026 (berjalan, data s.d.
    /// 29 November 2026)" — or just "(berjalan)" when that day is not known.
    /// </summary>
    public string Period(string? periode, DateOnly reportEnd, DateOnly? dataThrough) =>
        Period(periode) + (Periode.TryParse(periode, out var p) && p.End > reportEnd ? Running(p, dataThrough) : "");

    private string Running(Periode p, DateOnly? dataThrough) =>
        dataThrough is { } d && d >= p.Start
            ? T($" (berjalan, data s.d. {Date(d < p.End ? d : p.End.AddDays(-1))})", $" (running, data to {Date(d < p.End ? d : p.End.AddDays(-1))})")
            : T(" (berjalan)", " (running)");

    /// <summary>
    /// The footnote of an indicative grade (IkmScale.Indicative), shown once per output wherever a grade carries the mark.
    /// <paramref name="annualPreferred"/>: the output also shows the annual grade where only the year's sample suffices
    /// (report, brief, dashboard); the CLI lists each period as computed and says only the rule.
    /// </summary>
    public string IndicativeNote(bool annualPreferred = true) => T(
        "* Mutu indikatif: jumlah responden di bawah sampel minimum menurut tabel Krejcie & Morgan (1970) yang dirujuk PermenPANRB 14/2017; minimum bergantung pada jumlah penduduk yang dilayani (mis. 370 responden untuk 10.000 penduduk)."
            + (annualPreferred ? " Bila sampel triwulan terlalu kecil tetapi sampel tahunan cukup, mutu tahunan yang dipakai." : ""),
        "* Indicative grade: fewer respondents than the minimum sample of the Krejcie & Morgan (1970) table referred to by PermenPANRB 14/2017; the minimum depends on the population served (e.g. 370 respondents for 10,000 people)."
            + (annualPreferred ? " Where a quarter's sample is too small but the year's suffices, the annual grade is used." : ""));

    /// <summary>"23–29 November 2026", "30 November–6 Desember 2026", "29 Desember 2025–4 Januari 2026".</summary>
    public string DateRange(DateOnly first, DateOnly last) =>
        first.Year != last.Year ? $"{Date(first)}–{Date(last)}"
        : first.Month != last.Month ? $"{first.Day} {MonthName(first.Month)}–{Date(last)}"
        : $"{first.Day}–{Date(last)}";

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => n.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Shown instead of a figure that describes fewer than MinCellSize employees.</summary>
    public static string Suppressed(int minCellSize) => $"<{minCellSize.ToString(CultureInfo.InvariantCulture)}";
}
