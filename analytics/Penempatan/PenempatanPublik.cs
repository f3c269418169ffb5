using System.Text.Json.Serialization;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>A unit × jabatan group's retirement outlook as every policy output shows it (small cells already null).</summary>
public sealed record PensiunPublikRow(
    [property: JsonPropertyName("tanggal_acuan")] DateOnly TanggalAcuan,
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string? NamaUnit,
    [property: JsonPropertyName("kelompok")] string Kelompok,
    [property: JsonPropertyName("bup")] int? Bup,
    [property: JsonPropertyName("pegawai")] long? Pegawai,
    [property: JsonPropertyName("pensiun_1")] long? Pensiun1,
    [property: JsonPropertyName("pensiun_2")] long? Pensiun2,
    [property: JsonPropertyName("pensiun_3")] long? Pensiun3,
    [property: JsonPropertyName("pensiun_4")] long? Pensiun4,
    [property: JsonPropertyName("pensiun_5")] long? Pensiun5,
    [property: JsonPropertyName("lewat_bup")] long? LewatBup,
    [property: JsonPropertyName("tanpa_bup")] long? TanpaBup,
    [property: JsonPropertyName("batas_tanggal")] DateOnly BatasTanggal,
    [property: JsonPropertyName("pensiun_jendela")] long? PensiunJendela,
    [property: JsonPropertyName("share_jendela")] double? ShareJendela,
    [property: JsonPropertyName("gelombang")] bool? Gelombang);

/// <summary>A unit's tenure and rotation as every policy output shows it (small cells already null).</summary>
public sealed record MasaKerjaPublikRow(
    [property: JsonPropertyName("tanggal_acuan")] DateOnly TanggalAcuan,
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string? NamaUnit,
    [property: JsonPropertyName("pegawai")] long? Pegawai,
    [property: JsonPropertyName("median_tahun_unit")] double? MedianTahunUnit,
    [property: JsonPropertyName("n_unit_lebih_5")] long? NUnitLebih5,
    [property: JsonPropertyName("share_unit_lebih_5")] double? ShareUnitLebih5,
    [property: JsonPropertyName("median_tahun_jabatan")] double? MedianTahunJabatan,
    [property: JsonPropertyName("n_jabatan_lebih_5")] long? NJabatanLebih5,
    [property: JsonPropertyName("share_jabatan_lebih_5")] double? ShareJabatanLebih5,
    [property: JsonPropertyName("tahun_sejak_rotasi")] int? TahunSejakRotasi,
    [property: JsonPropertyName("tanpa_rotasi")] bool? TanpaRotasi,
    [property: JsonPropertyName("masuk_12_bulan")] long? Masuk12Bulan,
    [property: JsonPropertyName("keluar_12_bulan")] long? Keluar12Bulan,
    [property: JsonPropertyName("pensiun_12_bulan")] long? Pensiun12Bulan,
    [property: JsonPropertyName("berhenti_12_bulan")] long? Berhenti12Bulan);

/// <summary>Moves per unit, year, jenis_mutasi and direction as policy outputs show them (1–4 hidden).</summary>
public sealed record MutasiPublikRow(
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("tahun")] int Tahun,
    [property: JsonPropertyName("jenis_mutasi")] string JenisMutasi,
    [property: JsonPropertyName("arah")] string Arah,
    [property: JsonPropertyName("n")] long? N);

/// <summary>A unit's staffing against load as policy outputs show it: units under 5 staff carry no count or rate.</summary>
public sealed record BebanPublikRow(
    [property: JsonPropertyName("tanggal_acuan")] DateOnly TanggalAcuan,
    [property: JsonPropertyName("periode_mulai")] DateOnly PeriodeMulai,
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string? NamaUnit,
    [property: JsonPropertyName("jenis_unit")] string JenisUnit,
    [property: JsonPropertyName("pegawai")] long? Pegawai,
    [property: JsonPropertyName("responden_skm")] long RespondenSkm,
    [property: JsonPropertyName("responden_per_pegawai")] double? RespondenPerPegawai,
    [property: JsonPropertyName("cuti_per_pegawai")] double? CutiPerPegawai,
    [property: JsonPropertyName("populasi")] long? Populasi,
    [property: JsonPropertyName("populasi_per_pegawai")] double? PopulasiPerPegawai,
    [property: JsonPropertyName("unit_sebanding")] long UnitSebanding,
    [property: JsonPropertyName("median_responden_per_pegawai")] double? MedianRespondenPerPegawai,
    [property: JsonPropertyName("rasio_median")] double? RasioMedian,
    [property: JsonPropertyName("rasio_median_populasi")] double? RasioMedianPopulasi,
    [property: JsonPropertyName("kategori")] string? Kategori,
    [property: JsonPropertyName("tambahan_pegawai_ke_median")] long? TambahanPegawaiKeMedian);

/// <summary>
/// The placement figures a policy output may show (CLI, brief): the small-cell rule (<see cref="SmallCells"/>) applied to
/// the marts. Each row is a total (pegawai) with parts that add up to it (retiring in year 1…5, past BUP still listed,
/// without BUP, the rest), a unit's tenure pegawai is the total of its groups' pegawai (one suppression for both tables),
/// and a hidden row total hides its row:
/// no shown figure describes 1–4 employees, directly or by subtraction. A share or flag is shown only when the counts it is
/// made of are; the date of a unit's last rotation (one person's move) is shown only as whole years.
/// </summary>
public static class PenempatanPublik
{
    /// <param name="gelombangYears">The wave window in years; null = the one the rows were computed with (batas_tanggal − tanggal_acuan).</param>
    public static IReadOnlyList<PensiunPublikRow> Pensiun(PenempatanResult r, int minCellSize, int? gelombangYears = null)
    {
        var s = Suppressed(r, minCellSize, gelombangYears);
        var rows = new List<PensiunPublikRow>();
        for (var i = 0; i < r.Gelombang.Count; i++)
        {
            var (g, c, h) = (r.Gelombang[i], s.Pensiun[i], s.PensiunHidden[i]);
            long? V(int j) => h[j] ? null : c[j];
            long? P(int k) => g.Bup is null ? null : V(1 + k);
            var jendelaShown = g.Bup is not null && !h[0] && !h[9];
            rows.Add(new PensiunPublikRow(g.TanggalAcuan, g.KodeUnit, g.NamaUnit, g.Kelompok, g.Bup, V(0), P(0), P(1), P(2), P(3), P(4), V(6), V(7),
                g.BatasTanggal, jendelaShown ? c[9] : null, jendelaShown ? g.ShareJendela : null, jendelaShown ? g.Gelombang : null));
        }
        return rows.OrderBy(x => x.KodeUnit, StringComparer.Ordinal).ThenBy(x => x.Kelompok, StringComparer.Ordinal).ToList();
    }

    /// <param name="gelombangYears">As for <see cref="Pensiun"/>: both tables come from one suppression (see Suppressed).</param>
    public static IReadOnlyList<MasaKerjaPublikRow> MasaKerja(PenempatanResult r, int minCellSize, int? gelombangYears = null)
    {
        var s = Suppressed(r, minCellSize, gelombangYears);
        return r.MasaKerja.Select((u, i) =>
        {
            var (c, h) = (s.MasaKerja[i], s.MasaKerjaHidden[i]);
            long? V(int j) => h[j] ? null : c[j];
            var small = h[0];
            return new MasaKerjaPublikRow(u.TanggalAcuan, u.KodeUnit, u.NamaUnit, V(0),
                small ? null : u.MedianTahunUnit, V(1), h[1] || small ? null : u.ShareUnitLebih5,
                small ? null : u.MedianTahunJabatan, V(3), h[3] || small ? null : u.ShareJabatanLebih5,
                u.TahunSejakRotasi is { } t ? (int)Math.Floor(t) : null, u.TanpaRotasi,
                V(5), V(6), V(7), V(8));
        }).ToList();
    }

    private sealed record Suppression(List<long[]> Pensiun, bool[][] PensiunHidden, List<long[]> MasaKerja, bool[][] MasaKerjaHidden);

    /// <summary>
    /// One suppression over both outputs, so the retirement table and the tenure table cannot disagree. Both count the same
    /// people (pegawai.sql on the same tanggal_acuan; the tenure row per unit, the retirement rows per unit × jabatan
    /// group), so a unit's tenure pegawai = Σ its groups' pegawai: that is a line too, else "48 in Dinas X" minus the shown
    /// groups would give a hidden group of 1–4. The window (wave years) does not depend on the tenure table: only the
    /// retirement cells change with <paramref name="gelombangYears"/>, and the unit line uses only the group totals.
    /// </summary>
    private static Suppression Suppressed(PenempatanResult r, int min, int? gelombangYears)
    {
        // retirement cells per unit × group: pegawai, p1..p5, lewat_bup, tanpa_bup, rest | pensiun_jendela (= p1 + … + pG,
        // a second total over the first years)
        var pensiun = r.Gelombang.Select(g =>
        {
            var years = r.Pensiun.Where(p => p.KodeUnit == g.KodeUnit && p.Kelompok == g.Kelompok).OrderBy(p => p.TahunKe).Select(p => p.Pensiun ?? 0).ToArray();
            var g2 = Window(g, gelombangYears);
            var c = new long[10];
            c[0] = g.Pegawai;
            for (var k = 0; k < 5; k++) c[1 + k] = k < years.Length ? years[k] : 0;
            c[6] = g.LewatBup;
            c[7] = g.TanpaBup;
            c[8] = g.Pegawai - c[1..8].Sum();
            c[9] = c[1..(1 + g2)].Sum();
            return c;
        }).ToList();
        // tenure cells per unit: pegawai, >5 y in unit, rest, >5 y in position, rest, masuk, keluar, pensiun, berhenti (12 months)
        var masa = r.MasaKerja.Select(u => new long[]
        {
            u.Pegawai, u.NUnitLebih5, u.Pegawai - u.NUnitLebih5, u.NJabatanLebih5, u.Pegawai - u.NJabatanLebih5,
            u.Masuk12Bulan, u.Keluar12Bulan, u.Pensiun12Bulan, u.Berhenti12Bulan,
        }).ToList();

        const int pw = 10, mw = 9;
        var mBase = pensiun.Count * pw;
        var counts = pensiun.SelectMany(x => x).Concat(masa.SelectMany(x => x)).ToList();
        var lines = new List<CountLine>();
        for (var i = 0; i < pensiun.Count; i++)
        {
            // The window is a part of the row (with the later years, lewat, tanpa and the rest) and a total of its years: so
            // neither "6 of 13 within two years" nor a year inside it leaves 1–4 to follow by subtraction.
            var (o, g2) = (i * pw, Window(r.Gelombang[i], gelombangYears));
            lines.Add(new CountLine(o, new[] { 9 }.Concat(Enumerable.Range(1 + g2, 5 - g2)).Concat(new[] { 6, 7, 8 }).Select(p => o + p).ToList()));
            lines.Add(new CountLine(o + 9, Enumerable.Range(1, g2).Select(p => o + p).ToList()));
        }
        for (var i = 0; i < masa.Count; i++)
        {
            var o = mBase + i * mw;
            lines.Add(new CountLine(o, [o + 1, o + 2]));
            lines.Add(new CountLine(o, [o + 3, o + 4]));
            // the unit across its jabatan groups: tenure pegawai = Σ group pegawai
            var unit = r.MasaKerja[i].KodeUnit;
            var parts = Enumerable.Range(0, pensiun.Count).Where(j => r.Gelombang[j].KodeUnit == unit).Select(j => j * pw).ToList();
            if (parts.Count > 0) lines.Add(new CountLine(o, parts));
        }
        // No city total is published beside the units, and a sum of shown cells reveals nothing hidden: no column lines.
        var hidden = SmallCells.Suppress(counts, lines, min);
        // a row whose total is hidden is hidden whole
        bool[][] Rows(int offset, int n, int width) => Enumerable.Range(0, n).Select(i =>
        {
            var h = hidden.Skip(offset + i * width).Take(width).ToArray();
            if (h[0]) Array.Fill(h, true);
            return h;
        }).ToArray();
        return new Suppression(pensiun, Rows(0, pensiun.Count, pw), masa, Rows(mBase, masa.Count, mw));
    }

    private static int Window(GelombangRow g, int? gelombangYears) =>
        Math.Clamp(gelombangYears ?? (g.BatasTanggal.Year - g.TanggalAcuan.Year), 1, 5);

    /// <summary>
    /// Staffing against load: a unit with 1–4 staff shows neither its headcount nor any per-employee rate (nor a rating:
    /// it is not rated). The raw count of leave requests is not published (it describes the staff); its rate per employee
    /// is, for units of 5 or more. SKM respondents are citizens, the population is the unit's, and tambahan_pegawai is a
    /// staffing gap (people not yet there), so none of these describe 1–4 employees.
    /// </summary>
    public static IReadOnlyList<BebanPublikRow> Beban(IReadOnlyList<BebanRow> rows, int minCellSize) =>
        rows.Select(b =>
        {
            var small = SmallCells.IsSmall(b.Pegawai, minCellSize);
            return new BebanPublikRow(b.TanggalAcuan, b.PeriodeMulai, b.KodeUnit, b.NamaUnit, b.JenisUnit, small ? null : b.Pegawai, b.RespondenSkm,
                small ? null : b.RespondenPerPegawai, small ? null : b.CutiPerPegawai, b.Populasi, small ? null : b.PopulasiPerPegawai,
                b.UnitSebanding, b.MedianRespondenPerPegawai, small ? null : b.RasioMedian, small ? null : b.RasioMedianPopulasi,
                small ? null : b.Kategori, small ? null : b.TambahanPegawaiKeMedian);
        }).ToList();

    /// <summary>
    /// Moves per year: each count on its own (no total of them is published), so a count of 1–4 is hidden. Pensiun and
    /// berhenti stay separate rows from moves.
    /// </summary>
    public static IReadOnlyList<MutasiPublikRow> Mutasi(PenempatanResult r, int minCellSize) =>
        r.MutasiTahunan.Select(m => new MutasiPublikRow(m.KodeUnit, m.Tahun, m.JenisMutasi, m.Arah, SmallCells.IsSmall(m.N, minCellSize) ? null : m.N)).ToList();
}
