using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// The tenure table's unit count (mart_masa_kerja.pegawai) is the sum of the unit's retirement rows over jabatan groups
/// (both from pegawai.sql at one tanggal_acuan), so the two outputs are suppressed together: no hidden group may be
/// recovered as "unit − shown groups".
/// </summary>
public sealed class PenempatanPublikUnitLineTests
{
    private static readonly DateOnly Acuan = new(2026, 12, 1);

    // One unit X; every group has BUP 58 and nobody retiring within 5 years, past BUP or without BUP, so each group row is
    // pegawai = rest (years, lewat, tanpa, window all 0) and its own lines hide nothing but a group of 1–4.
    // Tenure row: 48 = Σ groups; > 5 y in unit 20 (rest 28), in position 30 (rest 18); masuk 6, keluar 5, pensiun 0, berhenti 0.
    private static PenempatanResult Unit(params (string Kelompok, long N)[] groups)
    {
        var total = groups.Sum(g => g.N);
        var batas = Acuan.AddYears(2);
        var pensiun = groups.SelectMany(g => Enumerable.Range(1, 5).Select(k =>
            new PensiunRow(Acuan, "X", "Dinas X", g.Kelompok, 58, g.N, k, Acuan.AddYears(k - 1), Acuan.AddYears(k), 0, 0, 0, 0))).ToList();
        var gelombang = groups.Select(g =>
            new GelombangRow(Acuan, "X", "Dinas X", g.Kelompok, 58, "test", g.N, batas, 0, 0, false, 0, 0)).ToList();
        var masa = new List<MasaKerjaRow>
        {
            new(Acuan, "X", "Dinas X", total, 7.5, 20, 20.0 / total, 4.2, 30, 30.0 / total, 0, null, null, null, 6, 5, 0, 0),
        };
        return new PenempatanResult(Acuan, pensiun, gelombang, masa, []);
    }

    [Theory]
    // The reviewer's example: jpt 1, administrator 5, pengawas 12, pelaksana 30 → unit 48. Before the fix 48 − (5 + 12 + 30)
    // = 1 JPT. Unit line 48 = 1 + 5 + 12 + 30: jpt (1) is hidden (primary), one hidden part → the smallest shown non-zero
    // part, administrator 5, is hidden too; hidden parts 1 + 5 = 6 ≥ 5, so 48 stays shown. Published: 48, 12, 30.
    // Combinations: 48 − 12 = 36, 48 − 30 = 18, 48 − 12 − 30 = 6 (= jpt + administrator, not one group): none is 1–4.
    [InlineData(1L, 5L, 12L, 30L, new[] { "administrator", "jpt" })]
    // Two hidden groups adding to 1–4: jpt 1, administrator 2, pengawas 12, pelaksana 30 → unit 45. Both small groups are
    // hidden (primary); 1 + 2 = 3 is small with 45 shown → pengawas 12 (smallest shown non-zero part) is hidden too.
    // Published: 45, 30. Combinations: 45 − 30 = 15 (= 1 + 2 + 12): none is 1–4.
    [InlineData(1L, 2L, 12L, 30L, new[] { "administrator", "jpt", "pengawas" })]
    public void Unit_count_minus_shown_groups_never_gives_one_to_four(long jpt, long adm, long pengawas, long pelaksana, string[] hiddenGroups)
    {
        var r = Unit(("jpt", jpt), ("administrator", adm), ("pengawas", pengawas), ("pelaksana", pelaksana));
        var total = jpt + adm + pengawas + pelaksana;
        var pensiun = PenempatanPublik.Pensiun(r, 5);
        var masa = PenempatanPublik.MasaKerja(r, 5).Single();

        Assert.Equal(hiddenGroups.Order(StringComparer.Ordinal), pensiun.Where(p => p.Pegawai is null).Select(p => p.Kelompok).Order(StringComparer.Ordinal));
        // a hidden group is hidden whole
        Assert.All(pensiun.Where(p => p.Pegawai is null), p => Assert.True(p.Pensiun1 is null && p.LewatBup is null && p.TanpaBup is null && p.PensiunJendela is null));
        Assert.Equal(total, masa.Pegawai);   // the unit count stays shown: a second group is hidden instead
        var shown = pensiun.Where(p => p.Pegawai is not null).Select(p => p.Pegawai!.Value).ToList();
        Assert.True(total - shown.Sum() >= 5);   // the hidden groups together are 0 or ≥ 5
        // every published combination: the unit count minus any subset of the shown groups
        for (var mask = 0; mask < 1 << shown.Count; mask++)
        {
            var rest = total - shown.Where((_, i) => (mask & (1 << i)) != 0).Sum();
            Assert.False(rest is > 0 and < 5, $"unit {total} minus shown groups leaves {rest}");
        }
        // One suppression result: the tenure table agrees with the retirement table (and with the window given explicitly).
        Assert.Equal(masa, PenempatanPublik.MasaKerja(r, 5, 2).Single());
        Assert.Equal(pensiun, PenempatanPublik.Pensiun(r, 5, 2));
    }

    [Fact]
    public void A_unit_of_one_group_only_hides_its_count_with_the_group()
    {
        // X: jpt 3 only → unit 3: the group (primary) and the tenure row (primary; hidden whole) are hidden.
        var r = Unit(("jpt", 3));
        Assert.Null(PenempatanPublik.Pensiun(r, 5).Single().Pegawai);
        var m = PenempatanPublik.MasaKerja(r, 5).Single();
        Assert.True(m.Pegawai is null && m.NUnitLebih5 is null && m.MedianTahunUnit is null);
    }
}
