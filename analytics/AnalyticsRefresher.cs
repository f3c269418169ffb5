using System.Diagnostics;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Analytics;

/// <summary>
/// Rebuilds the marts in dependency order. Each area refreshes in its own transaction, so a reader —
/// or a kill -9 — never sees a half-built area: it sees the previous complete one. After an area's
/// commit, <c>mart_build</c> records the load it was built from (<see cref="MartFreshness"/>); a kill
/// between the two only makes the area look stale, and it is rebuilt once more. Needs a read-write connection.
/// </summary>
public sealed class AnalyticsRefresher(
    IOptions<IkmOptions> ikm,
    IOptions<EfisiensiOptions> efisiensi,
    IOptions<KinerjaOptions> kinerja,
    IOptions<DiklatOptions> diklat,
    TimeProvider? time = null,
    IOptions<ScheduleOptions>? schedule = null,
    IOptions<PenempatanOptions>? penempatan = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly TimeZoneInfo zone = LocalZone.Of(schedule?.Value);

    /// <summary>Rebuilds every area, fresh or not.</summary>
    public RefreshSummary Refresh(DuckDBConnection connection, CancellationToken cancellationToken = default) =>
        Run(connection, MartFreshness.Areas, cancellationToken);

    /// <summary>
    /// Rebuilds only the areas older than the last committed load (or never recorded): what `etl`, `serve`
    /// start-up and every scan call, whether or not that run loaded rows, so marts a crash left stale heal
    /// without waiting for new data. Nothing to do costs two small queries.
    /// </summary>
    /// <param name="starting">Told each area as its rebuild starts (the CLI logs it: a long refresh is not silent).</param>
    public RefreshSummary RefreshStale(DuckDBConnection connection, CancellationToken cancellationToken = default, Action<string>? starting = null) =>
        Run(connection, MartFreshness.Check(connection).StaleAreas, cancellationToken, starting);

    /// <summary>Rebuilds one area (the `kinerja --refresh`, `diklat --refresh` options) and records it with its sub-areas (<see cref="MartFreshness.PartOf"/>).</summary>
    public RefreshSummary RefreshArea(DuckDBConnection connection, string area, CancellationToken cancellationToken = default) =>
        Run(connection, [area, .. MartFreshness.PartOf.Where(p => p.Value == area).Select(p => p.Key)], cancellationToken);

    /// <summary>Rebuilds the given areas in one run, in rebuild order (the bench's refresh without the areas it skips).</summary>
    public RefreshSummary RefreshAreas(DuckDBConnection connection, IReadOnlyCollection<string> areas, CancellationToken cancellationToken = default) =>
        Run(connection, areas, cancellationToken);

    private RefreshSummary Run(DuckDBConnection connection, IReadOnlyCollection<string> areas, CancellationToken cancellationToken, Action<string>? starting = null)
    {
        var total = Stopwatch.StartNew();
        var rebuilt = new List<AreaRebuild>();
        var builtFrom = new Dictionary<string, long>();
        foreach (var area in MartFreshness.Areas.Where(areas.Contains))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Read before the rebuild: a load committing meanwhile leaves the area recorded as older (rebuilt
            // again next time) rather than newer than the facts it saw.
            var load = MartFreshness.LastLoad(connection);
            starting?.Invoke(area);
            var sw = Stopwatch.StartNew();
            // A sub-area whose parent was just rebuilt: the parent wrote its tables from the same facts; nothing to patch,
            // and it is as fresh as the load the parent saw.
            if (MartFreshness.PartOf.TryGetValue(area, out var parent) && builtFrom.TryGetValue(parent, out var parentLoad))
                load = parentLoad;
            else switch (area)
            {
                case "ikm": IkmMarts.Refresh(connection, ikm.Value, cancellationToken); break;
                case "efisiensi": EfisiensiMarts.Refresh(connection, efisiensi.Value, cancellationToken); break;
                case "kualitas": KualitasMarts.Refresh(connection, cancellationToken); break;
                case "kinerja": KinerjaMarts.Refresh(connection, kinerja.Value, cancellationToken); break;
                // A cuti load's patch of kinerja's driver features.
                case "kinerja_cuti": KinerjaMarts.RefreshCuti(connection, MartFreshness.BuiltFrom(connection, area), kinerja.Value, cancellationToken); break;
                // The outcome panel (mart_kinerja_pegawai) is rebuilt by diklat itself unless kinerja just did it.
                case "diklat": DiklatMarts.Refresh(connection, diklat.Value, cancellationToken, outcomePanelFresh: areas.Contains("kinerja")); break;
                // Kirkpatrick level 4 only (an skm file).
                case "diklat_ikm": DiklatIkmMarts.Refresh(connection, diklat.Value, cancellationToken); break;
                case "penempatan": PenempatanMarts.Refresh(connection, penempatan?.Value, cancellationToken, efisiensi.Value); break;
                default: throw new ArgumentException($"Unknown mart area '{area}'.", nameof(areas));
            }
            builtFrom[area] = load;
            MartFreshness.Record(connection, area, load, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime, sw.Elapsed);
            rebuilt.Add(new AreaRebuild(area, sw.Elapsed));
        }
        return new RefreshSummary(total.Elapsed, rebuilt);
    }
}

/// <summary>What a refresh did; <see cref="Rebuilt"/> (and <see cref="Steps"/>) is empty when every area was already fresh.</summary>
public sealed record RefreshSummary(TimeSpan Elapsed, IReadOnlyList<AreaRebuild> Rebuilt)
{
    /// <summary>The areas rebuilt, in rebuild order.</summary>
    public IReadOnlyList<string> Areas => [.. Rebuilt.Select(r => r.Area)];

    /// <summary>"area 1.2s" per rebuilt area, what the logs print.</summary>
    public IReadOnlyList<string> Steps => [.. Rebuilt.Select(r => $"{r.Area} {r.Elapsed.TotalSeconds:0.0}s")];
}

/// <summary>One area a refresh rebuilt and how long it took.</summary>
public sealed record AreaRebuild(string Area, TimeSpan Elapsed);
