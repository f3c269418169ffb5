using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>
/// An upgrade that changes a mart area's tables bumps its <see cref="MartFreshness.Versions"/> entry; an area built
/// with an older definition is stale, so it is rebuilt on the next start or scan instead of being read in its old shape.
/// </summary>
public sealed class MartVersionTests
{
    private static readonly DateTime At = new(2026, 11, 30, 7, 0, 0);

    [Fact]
    public void An_area_built_with_an_older_definition_is_stale_until_rebuilt()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var area in MartFreshness.Areas) MartFreshness.Record(c, area, 0, At, TimeSpan.FromSeconds(1));
        Assert.False(MartFreshness.Check(c).AnyStale);

        c.Execute("UPDATE mart_build SET versi = versi - 1 WHERE area = 'diklat'");   // built by the previous release
        Assert.Equal(["diklat", "diklat_ikm"], MartFreshness.Check(c).StaleAreas);   // diklat_ikm updates diklat's rows

        MartFreshness.Record(c, "diklat", 0, At, TimeSpan.FromSeconds(1));
        Assert.False(MartFreshness.Check(c).AnyStale);
    }

    [Fact]
    public void Areas_built_before_versions_were_recorded_count_as_version_0()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var area in MartFreshness.Areas) MartFreshness.Record(c, area, 0, At, TimeSpan.FromSeconds(1));
        c.Execute("ALTER TABLE mart_build DROP COLUMN versi");                           // a V053 warehouse
        Assert.Equal(MartFreshness.Areas, MartFreshness.Check(c).StaleAreas);
        Assert.All(MartFreshness.Versions.Values, v => Assert.True(v >= 1));
    }
}
