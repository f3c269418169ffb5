using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// The marts as the dashboard last read them. A page view makes 5–10 requests (page, charts, table
/// API), and each used to re-read every mart (1–2 s at city scale); the marts only change when the
/// analytics refresh runs after a load, which invalidates the copy (and it is never older than <see cref="MaxAge"/>).
/// </summary>
public sealed class DashboardDataCache(ReportDataReader reader, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private (ReportData Data, DateTimeOffset ReadAt)? cached;

    /// <summary>Called after the analytics refresh, so the next request reads the new marts.</summary>
    public void Invalidate()
    {
        lock (gate) cached = null;
    }

    public ReportData Get()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (cached is { } c && now - c.ReadAt < MaxAge) return c.Data;
            var data = reader.Read();
            cached = (data, now);
            return data;
        }
    }
}
