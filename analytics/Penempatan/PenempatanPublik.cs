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
/// without BUP, the rest), each count column adds up over units to a city total, and a hidden row total hides its row:
/// no shown figure describes 1–4 employees, directly or by subtraction. A share or flag is shown only when the counts it is
/// made of are; the date of a unit's last rotation (one person's move) is shown only as whole years.
/// </summary>
public static class PenempatanPublik
{
    /// <param name="gelombangYears">The wave window in years; null = the one the rows were computed with (batas_tanggal − tanggal_acuan).</param>
    public static IReadOnlyList<PensiunPublikRow> Pensiun(PenempatanResult r, int minCellSize, int? gelombangYears = null)
    {
        var rows = new List<PensiunPublikRow>();
        foreach (var kelompok in r.Gelombang.GroupBy(g => g.Kelompok))
        {
            var groups = kelompok.ToList();
            var years = groups.Select(g => r.Pensiun.Where(p => p.KodeUnit == g.KodeUnit && p.Kelompok == g.Kelompok).OrderBy(p => p.TahunKe).Select(p => p.Pensiun ?? 0).ToArray()).ToList();
            // cells: pegawai, p1..p5, lewat_bup, tanpa_bup, rest | pensiun_jendela (= p1 + … + pG, a second total over the first years)
            var g2 = Math.Clamp(gelombangYears ?? (groups[0].BatasTanggal.Year - groups[0].TanggalAcuan.Year), 1, 5);
            var cells = groups.Select((g, i) =>
            {
                var c = new long[10];
                c[0] = g.Pegawai;
                for (var k = 0; k < 5; k++) c[1 + k] = k < years[i].Length ? years[i][k] : 0;
                c[6] = g.LewatBup;
                c[7] = g.TanpaBup;
                c[8] = g.Pegawai - c[1..8].Sum();
                c[9] = c[1..(1 + g2)].Sum();
                return c;
            }).ToList();
            // The window is a part of the row (with the later years, lewat, tanpa and the rest) and a total of its years: so
            // neither "6 of 13 within two years" nor a year inside it leaves 1–4 to follow by subtraction.
            var hidden = Grid(cells, [(0, [9, .. Enumerable.Range(1 + g2, 5 - g2), 6, 7, 8]), (9, Enumerable.Range(1, g2).ToArray())], minCellSize);
            for (var i = 0; i < groups.Count; i++)
            {
                var (g, c, h) = (groups[i], cells[i], hidden[i]);
                long? V(int j) => h[j] ? null : c[j];
                long? P(int k) => g.Bup is null ? null : V(1 + k);
                var jendelaShown = g.Bup is not null && !h[0] && !h[9];
                rows.Add(new PensiunPublikRow(g.TanggalAcuan, g.KodeUnit, g.NamaUnit, g.Kelompok, g.Bup, V(0), P(0), P(1), P(2), P(3), P(4), V(6), V(7),
                    g.BatasTanggal, jendelaShown ? c[9] : null, jendelaShown ? g.ShareJendela : null, jendelaShown ? g.Gelombang : null));
            }
        }
        return rows.OrderBy(x => x.KodeUnit, StringComparer.Ordinal).ThenBy(x => x.Kelompok, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<MasaKerjaPublikRow> MasaKerja(PenempatanResult r, int minCellSize)
    {
        var units = r.MasaKerja;
        // cells: pegawai, >5 y in unit, rest, >5 y in position, rest, masuk, keluar, pensiun, berhenti (12 months)
        var cells = units.Select(u => new long[]
        {
            u.Pegawai, u.NUnitLebih5, u.Pegawai - u.NUnitLebih5, u.NJabatanLebih5, u.Pegawai - u.NJabatanLebih5,
            u.Masuk12Bulan, u.Keluar12Bulan, u.Pensiun12Bulan, u.Berhenti12Bulan,
        }).ToList();
        var hidden = Grid(cells, [(0, [1, 2]), (0, [3, 4])], minCellSize);
        return units.Select((u, i) =>
        {
            var (c, h) = (cells[i], hidden[i]);
            long? V(int j) => h[j] ? null : c[j];
            var small = h[0];
            return new MasaKerjaPublikRow(u.TanggalAcuan, u.KodeUnit, u.NamaUnit, V(0),
                small ? null : u.MedianTahunUnit, V(1), h[1] || small ? null : u.ShareUnitLebih5,
                small ? null : u.MedianTahunJabatan, V(3), h[3] || small ? null : u.ShareJabatanLebih5,
                u.TahunSejakRotasi is { } t ? (int)Math.Floor(t) : null, u.TanpaRotasi,
                V(5), V(6), V(7), V(8));
        }).ToList();
    }

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

    /// <summary>
    /// Hidden cells of a grid: per row the given (total, parts) lines; with <paramref name="columnTotals"/>, per column a
    /// line to the column's total (needed once a city total is published beside the units — these outputs publish none,
    /// and a sum of shown cells reveals nothing hidden); a row whose total is hidden is hidden whole.
    /// </summary>
    private static bool[][] Grid(List<long[]> rows, (int Total, int[] Parts)[] rowLines, int min, bool columnTotals = false)
    {
        if (rows.Count == 0) return [];
        var width = rows[0].Length;
        var counts = rows.SelectMany(x => x).ToList();
        var lines = new List<CountLine>();
        for (var i = 0; i < rows.Count; i++)
            foreach (var (t, parts) in rowLines)
                lines.Add(new CountLine(i * width + t, parts.Select(p => i * width + p).ToList()));
        if (columnTotals && rows.Count > 1)
            for (var col = 0; col < width; col++)
            {
                counts.Add(rows.Sum(x => x[col]));
                lines.Add(new CountLine(counts.Count - 1, Enumerable.Range(0, rows.Count).Select(i => i * width + col).ToList()));
            }
        var hidden = SmallCells.Suppress(counts, lines, min);
        return Enumerable.Range(0, rows.Count).Select(i =>
        {
            var h = hidden.Skip(i * width).Take(width).ToArray();
            if (h[0]) Array.Fill(h, true);
            return h;
        }).ToArray();
    }
}
