using System.Globalization;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// <c>Schedule:TimeZone</c> is the one zone of a load (issue 10 item 6): timestamps with an offset are converted to
/// its wall clock, those without are taken as its wall clock, and the run's times and "today" are its own.
/// Every expected value is computed by hand for Asia/Makassar (WITA, UTC+8, no DST).
/// </summary>
public sealed class TimeZoneSettingTests
{
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    [Theory]
    [InlineData("2026-04-03 09:00+07:00", "2026-04-03 10:00:00")]      // 09:00 WIB = 02:00 UTC = 10:00 WITA
    [InlineData("2026-04-03T01:30:00Z", "2026-04-03 09:30:00")]        // 01:30 UTC + 8 h
    [InlineData("2026-04-02T20:15:00Z", "2026-04-03 04:15:00")]        // the next day in WITA
    [InlineData("2026-04-03 09:00:00+0800", "2026-04-03 09:00:00")]    // already WITA
    [InlineData("2026-04-03 09:00", "2026-04-03 09:00:00")]            // no offset: WITA as written
    public void Timestamps_become_wall_clock_time_in_the_configured_zone(string text, string expected)
    {
        Assert.True(FieldParsers.TryTimestamp(text, Wita, out var value));
        Assert.Equal(DateTime.ParseExact(expected, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public async Task A_load_under_WITA_records_its_times_timestamps_and_today_in_WITA()
    {
        // 20 Nov 2026 16:30 UTC = Saturday 21 Nov 00:30 WITA, still Friday 20 Nov 23:30 WIB.
        using var bed = new EtlTestBed(new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero));
        var runner = new EtlRunner(bed.Database, bed.Time, schedule: Options.Create(new ScheduleOptions { TimeZone = "Asia/Makassar" }));
        bed.WriteMasters();
        bed.Write("cuti_2026.csv", EtlTestBed.CutiCsv);
        bed.Write("skm_2026.csv", EtlTestBed.SkmHeader + """

            R1,KEL01,KTP-el,2026-11-21,4,4,4,4,4,4,4,4,4,,,,,
            R2,KEL01,KTP-el,2026-11-22,4,4,4,4,4,4,4,4,4,,,,,
            """);

        await runner.RunAsync(new EtlRequest(bed.Inbox));

        var wita = new DateTime(2026, 11, 21, 0, 30, 0);
        Assert.Equal(wita, bed.Scalar<DateTime>("SELECT started_at FROM etl_run"));
        Assert.Equal(wita, bed.Scalar<DateTime>("SELECT finished_at FROM etl_run"));
        Assert.All(bed.Rows("SELECT started_at, finished_at FROM etl_file"), r => Assert.Equal(new object?[] { wita, wita }, r));
        // C1 has no offset (08:30 as written); C2 is 09:00 +08:00, already WITA (under WIB it was 08:00).
        var cuti = bed.Rows("SELECT id_pengajuan, waktu_pengajuan FROM fact_cuti ORDER BY 1");
        Assert.Equal(new DateTime(2026, 4, 1, 8, 30, 0), cuti[0][1]);
        Assert.Equal(new DateTime(2026, 4, 3, 9, 0, 0), cuti[1][1]);
        // Today is 21 Nov in WITA (a WIB load would reject R1 too); the message names the zone.
        Assert.Equal(new[] { "R1" }, bed.Rows("SELECT id_responden FROM fact_skm").Select(r => (string)r[0]!));
        var reject = Assert.Single(bed.Rows("SELECT column_name, reason_code, message, created_at FROM etl_reject WHERE file_name = 'skm_2026.csv'"));
        Assert.Equal(("tanggal_survei", "TANGGAL_MASA_DEPAN"), ((string)reject[0]!, (string)reject[1]!));
        Assert.Contains("(hari ini 2026-11-21 WITA)", (string)reject[2]!);
        Assert.Equal(wita, reject[3]);
    }
}
