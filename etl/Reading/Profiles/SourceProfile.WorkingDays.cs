using System.Globalization;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Reading.Profiles;

internal sealed partial class SourceProfileJson
{
    /// <summary>Contract column (a whole number) → the two source date columns [start, end] whose working days, both counted, it holds.</summary>
    public Dictionary<string, string[]>? WorkingDays { get; set; }
}

/// <summary>
/// A profile's <c>workingDays</c> key: a duration recounted from the source's own dates in working days of the one
/// calendar (<see cref="WorkingCalendar"/>: Monday–Friday minus national holidays and cuti bersama per SKB, plus
/// Analytics:ExtraHolidays), start and end both counted. Made for sources that store another count, e.g. e-cutikukar's
/// calendar-day jml_hari, while the contract's lama_hari is hari kerja (PP 11/2017).
/// </summary>
internal sealed record ProfileWorkingDays(string Target, IReadOnlyList<string> From, IReadOnlyList<string[]> Formats)
{
    /// <summary>
    /// The count as contract text, or null with the rejection naming both source columns and values: an end before the start
    /// (TANGGAL_TERBALIK) or a range of no working day (RENTANG_NILAI, lama_hari ≥ 1). An empty or unreadable date is passed
    /// on as written, so validation rejects it as it would any other cell.
    /// </summary>
    public string? Count(WorkingCalendar calendar, string[] cells, string profileName, out Rejection? miss)
    {
        miss = null;
        if (cells.All(c => c.Length == 0)) return "";
        if (!TryDate(cells[0], Formats[0], out var start) || !TryDate(cells[1], Formats[1], out var end)) return string.Join(" + ", cells);
        var where = $"profil {profileName}: workingDays.{Target}";
        if (end < start)
        {
            miss = new Rejection(Target, Reason.TanggalTerbalik,
                $"Kolom '{From[1]}': '{cells[1]}' lebih awal dari {From[0]} '{cells[0]}'; {Target} (hari kerja) tidak dapat dihitung ({where}).");
            return null;
        }
        var days = calendar.WorkingDaysInclusive(start, end);
        if (days < 1)
            miss = new Rejection(Target, Reason.RentangNilai,
                $"Kolom '{From[0]} + {From[1]}': '{cells[0]}' s.d. '{cells[1]}' tidak memuat satu pun hari kerja (akhir pekan, libur nasional atau cuti bersama); {Target} harus ≥ 1 ({where}).");
        return miss is null ? days.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static bool TryDate(string text, string[] formats, out DateOnly date)
    {
        var ok = DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
        date = DateOnly.FromDateTime(d);
        return ok;
    }
}

internal sealed partial class SourceProfile
{
    /// <summary>Contract column → its working-day count (<c>workingDays</c>).</summary>
    public IReadOnlyDictionary<string, ProfileWorkingDays> WorkingDays { get; private set; } = new Dictionary<string, ProfileWorkingDays>();

    internal bool ReadsForWorkingDays(string column) => WorkingDays.Values.Any(w => w.From.Contains(column, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Validates <c>workingDays</c>. A source date column is read in the <c>dates</c> formats of the contract column it is
    /// also mapped to under <c>columns</c> (e.g. mulai → tanggal_mulai), otherwise as <c>yyyy-MM-dd</c>.
    /// </summary>
    private static Dictionary<string, ProfileWorkingDays> ParseWorkingDays(string name, SourceProfileJson raw, EntitySchema schema,
        Action<string, string> provide, IReadOnlyDictionary<string, string> columns)
    {
        var result = new Dictionary<string, ProfileWorkingDays>();
        foreach (var (target, from) in raw.WorkingDays ?? [])
        {
            var key = $"workingDays.{target}";
            provide(target, key);
            if (schema.Columns.First(c => c.Name == target).Kind != ColumnKind.Integer)
                throw new SourceProfileException(name, key, $"'{target}' bukan kolom bilangan bulat {schema.Entity}; jumlah hari kerja hanya mengisi kolom seperti lama_hari.");
            if (from is not { Length: 2 } || from.Any(string.IsNullOrWhiteSpace))
                throw new SourceProfileException(name, key, "sebutkan tepat dua kolom tanggal sumber: [ \"mulai\", \"selesai\" ].");
            var cols = from.Select(f => f.Trim()).ToList();
            if (cols[0].Equals(cols[1], StringComparison.OrdinalIgnoreCase))
                throw new SourceProfileException(name, key, $"kolom awal dan akhir sama ('{cols[0]}').");
            var formats = cols.Select(c => columns.TryGetValue(c, out var t) && raw.Dates?.GetValueOrDefault(t) is { Length: > 0 } f ? f : ["yyyy-MM-dd"]).ToList();
            result[target] = new ProfileWorkingDays(target, cols, formats);
        }
        return result;
    }
}
