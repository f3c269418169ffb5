using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>A unit's (or the city's) fit of education to position for one jabatan group, as every policy output shows it (small cells already null).</summary>
public sealed record KesesuaianPublikRow(
    [property: JsonPropertyName("tanggal_acuan")] DateOnly TanggalAcuan,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string? NamaUnit,
    [property: JsonPropertyName("kelompok")] string Kelompok,
    [property: JsonPropertyName("pendidikan_minimum")] string? PendidikanMinimum,
    [property: JsonPropertyName("pegawai")] long? Pegawai,
    [property: JsonPropertyName("kurang")] long? Kurang,
    [property: JsonPropertyName("sesuai")] long? Sesuai,
    [property: JsonPropertyName("tidak_diketahui")] long? TidakDiketahui,
    [property: JsonPropertyName("share_kurang")] double? ShareKurang);

/// <summary>A unit's (or the city's) headcount of one jenis_jabatan by golongan group, as every policy output shows it (small cells already null).</summary>
public sealed record FormasiPublikRow(
    [property: JsonPropertyName("tanggal_acuan")] DateOnly TanggalAcuan,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string? NamaUnit,
    [property: JsonPropertyName("jenis_jabatan")] string JenisJabatan,
    [property: JsonPropertyName("pegawai")] long? Pegawai,
    [property: JsonPropertyName("gol_i")] long? GolI,
    [property: JsonPropertyName("gol_ii")] long? GolII,
    [property: JsonPropertyName("gol_iii")] long? GolIII,
    [property: JsonPropertyName("gol_iv")] long? GolIV,
    [property: JsonPropertyName("pppk")] long? Pppk,
    [property: JsonPropertyName("golongan_tidak_diketahui")] long? GolonganTidakDiketahui);

/// <summary>
/// The staff-composition figures a policy output may show (CLI, dashboard): the small-cell rule (<see cref="SmallCells"/>)
/// applied to mart_kesesuaian and mart_formasi together, beside the retirement and tenure tables. The three publish the
/// same headcounts — a unit × jabatan group's pegawai is the retirement table's, a unit's pegawai the tenure table's, a
/// non-fungsional jenis_jabatan row of formasi the group's, the city's rows are shared by both new tables — so each
/// headcount is one cell: hidden where <see cref="PenempatanPublik"/> hides it, never hidden where it shows it, and the
/// complements are found among the cells only these tables publish. Lines: every row (pegawai = kurang + sesuai + tidak
/// diketahui; pegawai = I + II + III + IV + PPPK + golongan unknown), every column within a unit and within the city
/// (<c>semua</c> = Σ groups; formasi's fungsional = Σ the fungsional jenjang groups) and every column across units (the
/// city = Σ units). So no shown figure describes 1–4 employees, directly or by subtraction; a row whose pegawai is hidden
/// is shown hidden whole, and a share only when both counts it is made of are shown.
/// </summary>
public static class KomposisiPublik
{
    /// <param name="penempatan">The retirement and tenure marts at the same reference date (their published headcounts are
    /// kept as they are); null when absent, then the headcounts are suppressed here alone.</param>
    /// <param name="gelombangYears">The wave window the retirement table is published with (<see cref="PenempatanPublik.Pensiun"/>).</param>
    public static IReadOnlyList<KesesuaianPublikRow> Kesesuaian(KomposisiResult k, PenempatanResult? penempatan, int minCellSize, int? gelombangYears = null)
    {
        var s = Suppressed(k, penempatan, minCellSize, gelombangYears);
        return k.Kesesuaian.Select((r, i) =>
        {
            var (cells, hidden) = (s.Kesesuaian[i], s.Hidden);
            long? V(int j) => hidden[cells[0]] || hidden[cells[j]] ? null : s.Counts[cells[j]];
            var (kurang, sesuai) = (V(1), V(2));
            return new KesesuaianPublikRow(r.TanggalAcuan, r.Level, r.KodeUnit, r.NamaUnit, r.Kelompok, r.PendidikanMinimum,
                V(0), kurang, sesuai, V(3), kurang is not null && sesuai is not null ? r.ShareKurang : null);
        }).ToList();
    }

    /// <param name="penempatan">As for <see cref="Kesesuaian"/>: both tables come from one suppression.</param>
    public static IReadOnlyList<FormasiPublikRow> Formasi(KomposisiResult k, PenempatanResult? penempatan, int minCellSize, int? gelombangYears = null)
    {
        var s = Suppressed(k, penempatan, minCellSize, gelombangYears);
        return k.Formasi.Select((r, i) =>
        {
            var (cells, hidden) = (s.Formasi[i], s.Hidden);
            long? V(int j) => hidden[cells[0]] || hidden[cells[j]] ? null : s.Counts[cells[j]];
            return new FormasiPublikRow(r.TanggalAcuan, r.Level, r.KodeUnit, r.NamaUnit, r.JenisJabatan, V(0), V(1), V(2), V(3), V(4), V(5), V(6));
        }).ToList();
    }

    /// <summary>Cell indices per row (pegawai first, then the parts), the counts and which are hidden.</summary>
    private sealed record Suppression(List<int[]> Kesesuaian, List<int[]> Formasi, List<long> Counts, bool[] Hidden);

    /// <summary>
    /// One suppression per marts instance and settings: a dashboard request for each table and unit filter reads the same
    /// (cached) mart rows, and the suppression — with the retirement table's beside it — takes about a second on a city of 15 000.
    /// </summary>
    private static readonly ConditionalWeakTable<KomposisiResult, ConcurrentDictionary<(PenempatanResult?, int, int?), Lazy<Suppression>>> Cache = new();

    private static Suppression Suppressed(KomposisiResult k, PenempatanResult? penempatan, int min, int? gelombangYears) =>
        Cache.GetOrCreateValue(k).GetOrAdd((penempatan, min, gelombangYears), _ => new Lazy<Suppression>(() => Compute(k, penempatan, min, gelombangYears))).Value;

    /// <summary>Cells by name, so a headcount both tables publish is one cell.</summary>
    private sealed class Grid
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        public List<long> Counts { get; } = [];
        public List<bool?> Elsewhere { get; } = [];
        public List<CountLine> Lines { get; } = [];

        public int Cell(string key, long count)
        {
            if (_index.TryGetValue(key, out var i)) return i;
            _index[key] = Counts.Count;
            Counts.Add(count);
            Elsewhere.Add(null);
            return Counts.Count - 1;
        }

        public int? Find(string key) => _index.TryGetValue(key, out var i) ? i : null;

        public void Line(string total, IEnumerable<string> parts)
        {
            var p = parts.Select(Find).OfType<int>().ToList();
            if (Find(total) is { } t && p.Count > 0) Lines.Add(new CountLine(t, p));
        }
    }

    private static string Peg(string unit, string group) => $"p|{unit}|{group}";
    private static string Kes(string unit, string group, int part) => $"k|{unit}|{group}|{part}";
    private static string Gol(string unit, string jenis, int part) => $"g|{unit}|{jenis}|{part}";

    private static Suppression Compute(KomposisiResult k, PenempatanResult? penempatan, int min, int? gelombangYears)
    {
        const string kota = KomposisiAnalysis.KodeKota, semua = KomposisiAnalysis.Semua;
        var grid = new Grid();
        var kes = k.Kesesuaian.Select(r => new[]
        {
            grid.Cell(Peg(r.KodeUnit, r.Kelompok), r.Pegawai), grid.Cell(Kes(r.KodeUnit, r.Kelompok, 0), r.Kurang),
            grid.Cell(Kes(r.KodeUnit, r.Kelompok, 1), r.Sesuai), grid.Cell(Kes(r.KodeUnit, r.Kelompok, 2), r.TidakDiketahui),
        }).ToList();
        var gol = k.Formasi.Select(r => r.Golongan.Select((n, j) => grid.Cell(Gol(r.KodeUnit, r.JenisJabatan, j), n))
            .Prepend(grid.Cell(Peg(r.KodeUnit, r.JenisJabatan), r.Pegawai)).ToArray()).ToList();

        // Rows: pegawai = its parts.
        foreach (var row in kes.Concat(gol)) grid.Lines.Add(new CountLine(row[0], row[1..]));
        // Within a unit and within the city: "semua" = Σ groups, fungsional = Σ its jenjang groups, per column.
        var kelompok = k.Kesesuaian.ToLookup(r => r.KodeUnit, r => r.Kelompok);
        var jenis = k.Formasi.ToLookup(r => r.KodeUnit, r => r.JenisJabatan);
        foreach (var u in kelompok)
        {
            var groups = u.Where(g => g != semua).ToList();
            grid.Line(Peg(u.Key, semua), groups.Select(g => Peg(u.Key, g)));
            grid.Line(Peg(u.Key, "fungsional"), groups.Where(g => g.StartsWith("fungsional_", StringComparison.Ordinal)).Select(g => Peg(u.Key, g)));
            for (var p = 0; p < 3; p++) grid.Line(Kes(u.Key, semua, p), groups.Select(g => Kes(u.Key, g, p)));
        }
        foreach (var u in jenis)
        {
            var groups = u.Where(g => g != semua).ToList();
            grid.Line(Peg(u.Key, semua), groups.Select(g => Peg(u.Key, g)));
            for (var p = 0; p < 6; p++) grid.Line(Gol(u.Key, semua, p), groups.Select(g => Gol(u.Key, g, p)));
        }
        // Across units: the city = Σ units, per group and column.
        var units = k.Kesesuaian.Select(r => r.KodeUnit).Concat(k.Formasi.Select(r => r.KodeUnit)).Where(u => u != kota).Distinct().ToList();
        foreach (var g in k.Kesesuaian.Where(r => r.KodeUnit == kota).Select(r => r.Kelompok))
        {
            grid.Line(Peg(kota, g), units.Select(u => Peg(u, g)));
            for (var p = 0; p < 3; p++) grid.Line(Kes(kota, g, p), units.Select(u => Kes(u, g, p)));
        }
        foreach (var j in k.Formasi.Where(r => r.KodeUnit == kota).Select(r => r.JenisJabatan))
        {
            grid.Line(Peg(kota, j), units.Select(u => Peg(u, j)));
            for (var p = 0; p < 6; p++) grid.Line(Gol(kota, j, p), units.Select(u => Gol(u, j, p)));
        }

        // The headcounts the retirement and tenure tables publish: kept shown where they show them, hidden where they hide them.
        if (penempatan is not null && penempatan.TanggalAcuan == k.TanggalAcuan)
        {
            void Mark(string key, long count, bool shown)
            {
                if (grid.Find(key) is { } i && grid.Counts[i] == count) grid.Elsewhere[i] = shown;
            }
            var pensiun = PenempatanPublik.Pensiun(penempatan, min, gelombangYears).ToDictionary(p => (p.KodeUnit, p.Kelompok));
            foreach (var g in penempatan.Gelombang)
                Mark(Peg(g.KodeUnit, g.Kelompok), g.Pegawai, pensiun[(g.KodeUnit, g.Kelompok)].Pegawai is not null);
            var masa = PenempatanPublik.MasaKerja(penempatan, min, gelombangYears);
            for (var i = 0; i < masa.Count; i++)
                Mark(Peg(penempatan.MasaKerja[i].KodeUnit, semua), penempatan.MasaKerja[i].Pegawai, masa[i].Pegawai is not null);
        }
        var hidden = SmallCells.SuppressBeside(grid.Counts, grid.Lines, min, grid.Elsewhere);
        return new Suppression(kes, gol, grid.Counts, hidden);
    }
}
