using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Options;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Reports.Tests;

public sealed class DashboardDataCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reads_the_marts_once_until_invalidated_or_rebuilt()
    {
        using var wh = ReportSeed.Create();
        var clock = new FakeTimeProvider(Start);
        var cache = new DashboardDataCache(new ReportDataReader(wh.Database), clock);

        var first = cache.Get();
        Assert.Same(first, cache.Get());
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Same(first, cache.Get());            // a minute later, same build stamp: the copy is kept

        using (var c = wh.Open())                   // a refresh rebuilds an area
            MartFreshness.Record(c, "ikm", MartFreshness.LastLoad(c), new DateTime(2026, 11, 30, 1, 0, 0), TimeSpan.FromSeconds(1));
        Assert.Same(first, cache.Get());            // not checked again within the minute…
        clock.Advance(TimeSpan.FromSeconds(61));
        var second = cache.Get();
        Assert.NotSame(first, second);              // …then re-read
        cache.Invalidate();
        Assert.NotSame(second, cache.Get());
    }

    [Fact]
    public void Generation_changes_exactly_when_the_copy_changes()
    {
        using var wh = ReportSeed.Create();
        var clock = new FakeTimeProvider(Start);
        var cache = new DashboardDataCache(new ReportDataReader(wh.Database), clock);
        var g1 = cache.Generation;
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(g1, cache.Generation);
        cache.Invalidate();
        Assert.NotEqual(g1, cache.Generation);
    }

    [Fact]
    public void Responses_render_once_per_key_and_again_after_a_refresh()
    {
        using var wh = ReportSeed.Create();
        var data = new DashboardDataCache(new ReportDataReader(wh.Database), new FakeTimeProvider(Start));
        using var responses = new DashboardResponseCache(data, Microsoft.Extensions.Options.Options.Create(new DashboardOptions()));
        var renders = 0;
        CachedResponse Render() { Interlocked.Increment(ref renders); Thread.Sleep(50); return new CachedResponse([1, 2, 3], "image/png"); }

        // 16 clients asking at once for a chart nobody has drawn yet: drawn once.
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => responses.GetOrRender("/chart/a.png", Render));
        Assert.Equal(1, renders);
        responses.GetOrRender("/chart/a.png", Render);
        Assert.Equal(1, renders);
        responses.GetOrRender("/chart/b.png", Render);
        Assert.Equal(2, renders);

        data.Invalidate();                           // the analytics refresh ran
        responses.GetOrRender("/chart/a.png", Render);
        Assert.Equal(3, renders);
    }

    [Fact]
    public void Responses_are_bounded_by_the_configured_size()
    {
        using var wh = ReportSeed.Create();
        var data = new DashboardDataCache(new ReportDataReader(wh.Database), new FakeTimeProvider(Start));
        using var responses = new DashboardResponseCache(data, Microsoft.Extensions.Options.Options.Create(new DashboardOptions { ResponseCacheMiB = 1 }));
        var renders = 0;
        CachedResponse Big() { renders++; return new CachedResponse(new byte[600 * 1024], "image/png"); }

        responses.GetOrRender("a", Big);
        responses.GetOrRender("b", Big);             // 1.2 MiB would exceed 1 MiB: not kept
        responses.GetOrRender("b", Big);
        Assert.Equal(3, renders);
    }

    [Fact]
    public void Error_responses_are_not_kept()
    {
        using var wh = ReportSeed.Create();
        var data = new DashboardDataCache(new ReportDataReader(wh.Database), new FakeTimeProvider(Start));
        using var responses = new DashboardResponseCache(data, Microsoft.Extensions.Options.Options.Create(new DashboardOptions()));
        var renders = 0;
        CachedResponse Missing() { renders++; return new CachedResponse([], "text/plain", 404); }
        responses.GetOrRender("/chart/nope.png", Missing);
        responses.GetOrRender("/chart/nope.png", Missing);
        Assert.Equal(2, renders);
    }
}
