using System.Globalization;

namespace Kepegawaian.Warehouse;

/// <summary>A non-working day: a national holiday, cuti bersama or configured extra day.</summary>
public sealed record Holiday(DateOnly Tanggal, string Nama);

/// <summary>
/// Working days for administrative processing times: Monday–Friday in local time (<c>Schedule:TimeZone</c>, WIB by default), minus the holidays in
/// <c>warehouse/Data/libur_nasional.csv</c> (national holidays and cuti bersama 2023–2027, SKB per year) and
/// the configured <c>Analytics:ExtraHolidays</c> (<see cref="ExtraHolidaysKey"/>). The one calendar: the analytics count
/// processing times with it, the ETL counts leave durations (lama_hari, PP 11/2017 in hari kerja) with it.
/// Duration in working days = the time between two instants that falls on working days, divided by
/// 24 h: only working days count, each counts fully (00:00–24:00, there is no office-hours model),
/// weekends and holidays count zero. The SQL model efisiensi_cuti computes the same quantity as
/// W(end) − W(start) with W(t) = working days before t's date + elapsed fraction of t's day if it is one.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<Holiday> holidays)
    {
        Holidays = holidays.OrderBy(h => h.Tanggal).ToList();
        _holidays = Holidays.Select(h => h.Tanggal).ToHashSet();
    }

    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>The configuration key of the extra non-working days, read by the analytics and the ETL alike.</summary>
    public const string ExtraHolidaysKey = "Analytics:ExtraHolidays";

    /// <summary>The shipped table plus configured extra days (<see cref="ExtraHolidaysKey"/> entries <c>YYYY-MM-DD[,nama]</c>).</summary>
    public static WorkingCalendar Load(IEnumerable<string>? extraHolidays = null)
    {
        var list = new List<Holiday>(Shipped());
        foreach (var entry in extraHolidays ?? [])
            list.Add(ParseExtra(entry));
        return new WorkingCalendar(list);
    }

    public static IReadOnlyList<Holiday> Shipped()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("libur_nasional.csv")
            ?? throw new InvalidOperationException("libur_nasional.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var list = new List<Holiday>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("tanggal", StringComparison.Ordinal)) continue;
            var comma = line.IndexOf(',');
            list.Add(new Holiday(DateOnly.ParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture), line[(comma + 1)..]));
        }
        return list;
    }

    private static Holiday ParseExtra(string entry)
    {
        var parts = entry.Split(',', 2, StringSplitOptions.TrimEntries);
        if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FormatException($"{ExtraHolidaysKey}: '{entry}' bukan tanggal YYYY-MM-DD[,nama].");
        return new Holiday(date, parts.Length > 1 ? parts[1] : "Libur tambahan (konfigurasi)");
    }

    /// <summary>
    /// Whether the calendar holds <paramref name="year"/>'s holiday list. 1 January (Tahun Baru Masehi)
    /// is a national holiday every year, so a year whose list was entered contains it; a single local
    /// extra day does not make a year count as covered.
    /// </summary>
    public bool Covers(int year) => _holidays.Contains(new DateOnly(year, 1, 1));

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both counted (0 when <paramref name="to"/> is earlier).</summary>
    public int WorkingDaysInclusive(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>Working days elapsed between two local wall-clock instants (negative if <paramref name="to"/> is earlier).</summary>
    public double WorkingDaysBetween(DateTime from, DateTime to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        double total = 0;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = day.ToDateTime(TimeOnly.MinValue);
            var end = start.AddDays(1);
            var overlap = (to < end ? to : end) - (from > start ? from : start);
            total += overlap.TotalHours / 24.0;
        }
        return total;
    }

    /// <summary>The holiday list as a SQL VALUES body for the efisiensi models (dates formatted here, never user text).</summary>
    public string SqlValues() => _holidays.Count == 0
        ? "(NULL::DATE)"
        : string.Join(", ", _holidays.Order().Select(d => "(DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "')"));
}
