using System.Diagnostics;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Analytics;

/// <summary>
/// Rebuilds every mart after a load, in dependency order (each area refreshes in its own
/// transaction, so a reader never sees a half-built area). Needs a read-write connection.
/// </summary>
public sealed class AnalyticsRefresher(
    IOptions<IkmOptions> ikm,
    IOptions<EfisiensiOptions> efisiensi,
    IOptions<KinerjaOptions> kinerja,
    IOptions<DiklatOptions> diklat)
{
    public RefreshSummary Refresh(DuckDBConnection connection, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<string>();
        void Step(string name, Action refresh)
        {
            var sw = Stopwatch.StartNew();
            refresh();
            steps.Add($"{name} {sw.Elapsed.TotalSeconds:0.0}s");
            cancellationToken.ThrowIfCancellationRequested();
        }

        Step("ikm", () => IkmMarts.Refresh(connection, ikm.Value, cancellationToken));
        Step("efisiensi", () => EfisiensiMarts.Refresh(connection, efisiensi.Value, cancellationToken));
        Step("kinerja", () => KinerjaMarts.Refresh(connection, kinerja.Value, cancellationToken));
        Step("diklat", () => DiklatMarts.Refresh(connection, diklat.Value, cancellationToken, outcomePanelFresh: true));
        return new RefreshSummary(total.Elapsed, steps);
    }
}

public sealed record RefreshSummary(TimeSpan Elapsed, IReadOnlyList<string> Steps);
