using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary><see cref="LocalZone"/>: the one conversion between instants and the warehouse's wall clock, and the zone's label.</summary>
public sealed class LocalZoneTests
{
    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Pontianak", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    [InlineData("Europe/Amsterdam", "Europe/Amsterdam")]
    public void Times_are_labelled_with_the_Indonesian_zone_name_else_the_zone_id(string zone, string label) =>
        Assert.Equal(label, LocalZone.Label(TimeZoneInfo.FindSystemTimeZoneById(zone)));

    [Fact]
    public void Wall_clock_and_instant_convert_both_ways_in_the_configured_zone()
    {
        var wita = new ScheduleOptions { TimeZone = "Asia/Makassar" }.Zone;
        // 29 Nov 2026 16:30 UTC + 8 h = 30 Nov 00:30 WITA.
        var wall = LocalZone.WallClock(new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero), wita);
        Assert.Equal(new DateTime(2026, 11, 30, 0, 30, 0), wall);
        Assert.Equal(DateTimeKind.Unspecified, wall.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 30, 0, TimeSpan.FromHours(8)), LocalZone.Instant(wall, wita));
        // No setting: Asia/Jakarta (WIB).
        Assert.Equal("Asia/Jakarta", LocalZone.Of(null).Id);
    }
}
