using JpPegawaiRow = Kepegawaian.Analytics.Training.JpPegawaiRow;
using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// The marts as the dashboard last read them. A page view makes 5–10 requests (page, charts, table
/// API), and each used to re-read every mart (1–2 s at city scale); the marts only change when the
/// analytics refresh runs after a load, which invalidates the copy. Every <see cref="MaxAge"/> the copy is
/// checked against the warehouse's build stamp (one small query) and re-read only when it changed — or
/// always, on a warehouse without a build record. <see cref="Generation"/> grows with every new copy, so
/// whatever was computed from the old one (<see cref="DashboardResponseCache"/>) is known to be stale.
/// </summary>
public sealed class DashboardDataCache(ReportDataReader reader, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private Copy? cached;
    private long generation;

    private sealed record Copy(ReportData Data, string? Stamp, DateTimeOffset CheckedAt, long Generation)
    {
        public IReadOnlyList<JpPegawaiRow>? JpPegawai { get; set; }
    }

    /// <summary>Called after the analytics refresh, so the next request reads the new marts.</summary>
    public void Invalidate()
    {
        lock (gate) cached = null;
    }

    public ReportData Get() => Current().Data;

    /// <summary>Identifies the copy <see cref="Get"/> returns now; a different value means different data.</summary>
    public long Generation => Current().Generation;

    /// <summary>The HR 20 JP list (names, NIP), read once per copy of the marts.</summary>
    public IReadOnlyList<JpPegawaiRow> JpPegawai()
    {
        var copy = Current();
        lock (gate) return copy.JpPegawai ??= reader.ReadJpPegawai();
    }

    private Copy Current()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (cached is { } c)
            {
                if (now - c.CheckedAt < MaxAge) return c;
                if (c.Stamp is not null && reader.MartStamp() == c.Stamp)
                    return cached = c with { CheckedAt = now };   // `with` keeps the JP list read for this copy
            }
            var stamp = reader.MartStamp();
            cached = new Copy(reader.Read(), stamp, now, ++generation);
            return cached;
        }
    }
}
