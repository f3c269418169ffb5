using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>The staff-composition tables of /dasbor/penempatan (issue 15 items 4 and 1), through <see cref="KomposisiPublik"/>.</summary>
public sealed partial class DashboardModel
{
    /// <summary>
    /// Education against the position's minimum: the city first, then units with the highest published under-qualified share
    /// first (units whose share is hidden follow by name, so their place does not bracket it), each unit's "semua" row before its
    /// jabatan groups. Small cells "&lt;5" (one suppression with the retirement table: a headcount it hides stays hidden).
    /// </summary>
    public IReadOnlyList<Dictionary<string, object?>> KesesuaianTable(DashboardFilter f)
    {
        if (data.PenempatanKomposisi is not { } k) return [];
        var rows = KomposisiPublik.Kesesuaian(k, data.Penempatan, minCell);
        var share = rows.Where(r => r.Kelompok == KomposisiAnalysis.Semua).ToDictionary(r => r.KodeUnit, r => r.ShareKurang);
        return rows.Where(r => f.Unit is null || r.KodeUnit == f.Unit)
            .OrderBy(r => r.KodeUnit != KomposisiAnalysis.KodeKota).ThenByDescending(r => share.GetValueOrDefault(r.KodeUnit) ?? -1)
            .ThenBy(r => KomposisiUnit(r.KodeUnit, r.NamaUnit), NaturalOrder.Instance).ThenBy(r => KomposisiAnalysis.Urutan(r.Kelompok))
            .Select(r => Row(("kode_unit", r.KodeUnit), ("unit", KomposisiUnit(r.KodeUnit, r.NamaUnit)), ("kelompok", KomposisiGroup(r.Kelompok)),
                ("pendidikan_minimum", r.PendidikanMinimum is { } m ? PendidikanRules.Label(m) : null), ("pegawai", (object?)r.Pegawai ?? suppressed),
                ("kurang", (object?)r.Kurang ?? suppressed), ("persen_kurang", r.ShareKurang is { } s ? Math.Round(s * 100, 1) : null),
                ("tidak_diketahui", (object?)r.TidakDiketahui ?? suppressed)))
            .ToList();
    }

    /// <summary>
    /// Headcount by jenis_jabatan × golongan group, compact: without a unit filter the city per jenis_jabatan and each unit's
    /// total; with one, that unit per jenis_jabatan. Small cells "&lt;5".
    /// </summary>
    public IReadOnlyList<Dictionary<string, object?>> FormasiTable(DashboardFilter f)
    {
        if (data.PenempatanKomposisi is not { } k) return [];
        object? C(long? v) => (object?)v ?? suppressed;
        return KomposisiPublik.Formasi(k, data.Penempatan, minCell)
            .Where(r => f.Unit is null ? r.KodeUnit == KomposisiAnalysis.KodeKota || r.JenisJabatan == KomposisiAnalysis.Semua : r.KodeUnit == f.Unit)
            .OrderBy(r => r.KodeUnit != KomposisiAnalysis.KodeKota).ThenBy(r => KomposisiUnit(r.KodeUnit, r.NamaUnit), NaturalOrder.Instance)
            .ThenBy(r => KomposisiAnalysis.Urutan(r.JenisJabatan))
            .Select(r => Row(("kode_unit", r.KodeUnit), ("unit", KomposisiUnit(r.KodeUnit, r.NamaUnit)), ("jenis_jabatan", KomposisiGroup(r.JenisJabatan)),
                ("pegawai", C(r.Pegawai)), ("gol_i", C(r.GolI)), ("gol_ii", C(r.GolII)), ("gol_iii", C(r.GolIII)), ("gol_iv", C(r.GolIV)), ("pppk", C(r.Pppk)),
                ("golongan_tidak_diketahui", C(r.GolonganTidakDiketahui))))
            .ToList();
    }

    private string KomposisiUnit(string kode, string? nama) =>
        kode == KomposisiAnalysis.KodeKota ? text.T("Kota Palembang", "City of Palembang") : nama ?? data.UnitName(kode);

    private string KomposisiGroup(string group) =>
        group == KomposisiAnalysis.Semua ? text.T("semua jabatan", "all positions") : BupRules.NamaKelompok(group);
}
