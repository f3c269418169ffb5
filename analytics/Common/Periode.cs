using System.Globalization;
using System.Text.RegularExpressions;

namespace Kepegawaian.Analytics.Common;

public enum PeriodeKind { Tahun, Semester, Triwulan, Bulan, Minggu }

/// <summary>
/// A reporting period as written on the command line and in reports (spec §5):
/// <c>2026</c>, <c>2026-S1</c>, <c>2026-Q3</c>, <c>2026-07</c>, <c>2026-W47</c> (ISO week).
/// <see cref="End"/> is exclusive.
/// </summary>
public sealed partial record Periode(PeriodeKind Kind, int Year, int Number)
{
    public DateOnly Start => Kind switch
    {
        PeriodeKind.Tahun => new DateOnly(Year, 1, 1),
        PeriodeKind.Semester => new DateOnly(Year, Number == 1 ? 1 : 7, 1),
        PeriodeKind.Triwulan => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        PeriodeKind.Bulan => new DateOnly(Year, Number, 1),
        PeriodeKind.Minggu => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        _ => throw new InvalidOperationException(),
    };

    public DateOnly End => Kind switch
    {
        PeriodeKind.Tahun => Start.AddYears(1),
        PeriodeKind.Semester => Start.AddMonths(6),
        PeriodeKind.Triwulan => Start.AddMonths(3),
        PeriodeKind.Bulan => Start.AddMonths(1),
        PeriodeKind.Minggu => Start.AddDays(7),
        _ => throw new InvalidOperationException(),
    };

    public Periode Previous() => Kind switch
    {
        PeriodeKind.Tahun => this with { Year = Year - 1 },
        PeriodeKind.Semester => Number == 1 ? new(Kind, Year - 1, 2) : this with { Number = 1 },
        PeriodeKind.Triwulan => Number == 1 ? new(Kind, Year - 1, 4) : this with { Number = Number - 1 },
        PeriodeKind.Bulan => Number == 1 ? new(Kind, Year - 1, 12) : this with { Number = Number - 1 },
        PeriodeKind.Minggu => Containing(PeriodeKind.Minggu, Start.AddDays(-7)),
        _ => throw new InvalidOperationException(),
    };

    public Periode Next() => Containing(Kind, End);

    public bool Contains(DateOnly date) => date >= Start && date < End;

    public override string ToString() => Kind switch
    {
        PeriodeKind.Tahun => Year.ToString(CultureInfo.InvariantCulture),
        PeriodeKind.Semester => $"{Year}-S{Number}",
        PeriodeKind.Triwulan => $"{Year}-Q{Number}",
        PeriodeKind.Bulan => $"{Year}-{Number:00}",
        PeriodeKind.Minggu => $"{Year}-W{Number:00}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The period of the given kind that contains <paramref name="date"/>.</summary>
    public static Periode Containing(PeriodeKind kind, DateOnly date) => kind switch
    {
        PeriodeKind.Tahun => new(kind, date.Year, 0),
        PeriodeKind.Semester => new(kind, date.Year, date.Month <= 6 ? 1 : 2),
        PeriodeKind.Triwulan => new(kind, date.Year, (date.Month - 1) / 3 + 1),
        PeriodeKind.Bulan => new(kind, date.Year, date.Month),
        PeriodeKind.Minggu => new(kind, ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? text, out Periode periode)
    {
        periode = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["s"].Success) periode = new(PeriodeKind.Semester, year, int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture));
        else if (m.Groups["q"].Success) periode = new(PeriodeKind.Triwulan, year, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture));
        else if (m.Groups["w"].Success) periode = new(PeriodeKind.Minggu, year, int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture));
        else if (m.Groups["m"].Success) periode = new(PeriodeKind.Bulan, year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        else periode = new(PeriodeKind.Tahun, year, 0);
        return periode.Kind switch
        {
            PeriodeKind.Semester => periode.Number is 1 or 2,
            PeriodeKind.Triwulan => periode.Number is >= 1 and <= 4,
            PeriodeKind.Bulan => periode.Number is >= 1 and <= 12,
            PeriodeKind.Minggu => periode.Number >= 1 && periode.Number <= ISOWeek.GetWeeksInYear(year),
            _ => true,
        };
    }

    public static Periode Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"Periode '{text}' tidak valid; contoh: 2026, 2026-S1, 2026-Q3, 2026-07, 2026-W47.");

    [GeneratedRegex(@"^(?<y>\d{4})(?:-S(?<s>\d)|-Q(?<q>\d)|-W(?<w>\d{1,2})|-(?<m>\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
