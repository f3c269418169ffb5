using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Tests;

/// <summary>The retirement wave line of "Perlu tindakan" (issue 15), on the hand-made report seed plus placement marts.</summary>
public sealed class PenempatanBriefTests
{
    [Fact]
    public void A_flagged_wave_is_named_with_its_numbers_and_a_small_group_is_not()
    {
        using var wh = ReportSeed.Create();
        using (var c = wh.Open())
        {
            // Reference date 22 Nov 2026, window to 22 Nov 2028. U01: 13 pengawas, 6 reach 58 in Jan–Jun 2027 (TMT Feb–Jul 2027),
            // 7 born 1985 → 6 of 13 (46 %). U05: 3 administrators, 2 retiring (67 %, but 3 people: never named).
            c.Execute("""
                INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
                SELECT 'W' || i, 'Pegawai W' || i, CASE WHEN i < 6 THEN DATE '1969-01-10' + INTERVAL (i) MONTH ELSE DATE '1985-01-01' END,
                       'pengawas', 'Kepala Seksi', 'U01', DATE '2010-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai' FROM range(13) t(i);
                INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
                SELECT 'S' || i, 'Pegawai S' || i, CASE WHEN i < 2 THEN DATE '1969-03-01' ELSE DATE '1980-01-01' END,
                       'administrator', 'Kepala Bidang', 'U05', DATE '2005-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai' FROM range(3) t(i);
                """);
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = new DateOnly(2026, 11, 22) });
        }
        var brief = ReportSeed.Builder(wh).Build(ReportSeed.Week).Brief;
        var group = brief.Actions.Single(g => g.Title.StartsWith("Gelombang pensiun", StringComparison.Ordinal));
        Assert.Equal("Gelombang pensiun s.d. 22 November 2028", group.Title);
        var item = Assert.Single(group.Items);
        Assert.Equal("Dinas Kependudukan", item.Unit);
        Assert.Equal("6 dari 13 pengawas pensiun (46 %)", item.Figure);
    }

    [Fact]
    public void Without_a_flagged_wave_the_brief_has_no_such_group()
    {
        using var wh = ReportSeed.Create();
        using (var c = wh.Open())
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = new DateOnly(2026, 11, 22) });
        var brief = ReportSeed.Builder(wh).Build(ReportSeed.Week).Brief;
        Assert.DoesNotContain(brief.Actions, g => g.Title.StartsWith("Gelombang pensiun", StringComparison.Ordinal));
        Assert.Equal(5, brief.Actions.Count);
    }
}
