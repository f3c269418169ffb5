using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Reports.Tests;

public sealed class DashboardDataCacheTests
{
    [Fact]
    public void Reads_the_marts_once_until_invalidated_or_a_minute_old()
    {
        using var wh = ReportSeed.Create();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var cache = new DashboardDataCache(new ReportDataReader(wh.Database), clock);

        var first = cache.Get();
        Assert.Same(first, cache.Get());
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Same(first, cache.Get());
        clock.Advance(TimeSpan.FromSeconds(2));
        var second = cache.Get();
        Assert.NotSame(first, second);
        cache.Invalidate();
        Assert.NotSame(second, cache.Get());
    }
}
