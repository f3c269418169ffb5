using Kepegawaian.Reports.Content;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Weekly;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// The drill-down city → kecamatan area → unit (issue 12.4). Area rows add up the units' 20 JP counts and show the
/// mart's own kecamatan IKM (mart_ikm level <c>kecamatan</c>); unit rows are the cells the per-unit APIs already
/// publish (<see cref="DashboardModel.IkmTable"/>, <see cref="DashboardModel.JpTable"/>, <see cref="DashboardModel.KinerjaTable"/>),
/// so the drill-down shows no unit figure that is hidden elsewhere.
/// <para>
/// Small cells, also by subtraction: the per-unit cells are fixed by the unit tables, so an area's counts are shown
/// only when the units' hidden cells of each count (employees, compliant, not compliant) add up to 0 or at least
/// MinCellSize — otherwise area total − shown units would give a hidden unit's figure — and the area's own counts are
/// not small (<see cref="SmallCells.Row"/>). Across the city (whose total the weekly report publishes) the hidden
/// areas' hidden unit cells must again add up to 0 or ≥ MinCellSize; when they do not, further areas with hidden cells
/// are hidden, smallest first. A hidden area row shows <c>&lt;5</c> in every count.
/// </para>
/// </summary>
public sealed class DrillModel(ReportData data, IReadOnlyList<DrillUnit> units, DashboardModel model, ReportText text, int minCell)
{
    /// <summary>The pseudo-area of units outside any kecamatan (perangkat daerah: dinas, badan, sekretariat, RSUD, …).</summary>
    public const string OutsideArea = "OPD";

    private readonly string suppressed = ReportText.Suppressed(minCell);

    public string AreaName(string kode) => kode == OutsideArea
        ? text.T("Perangkat daerah (di luar kecamatan)", "City agencies (outside the kecamatan)")
        : Units().FirstOrDefault(u => u.KodeArea == kode)?.NamaArea ?? kode;

    /// <summary>Units of the hierarchy; without dim_unit rows, the units the marts name (all outside a kecamatan).</summary>
    public IReadOnlyList<DrillUnit> Units() => units.Count > 0 ? units
        : model.Units().Select(u => new DrillUnit(u.Kode, u.Nama, "", null, null)).ToList();

    public static string AreaOf(DrillUnit u) => u.KodeArea ?? OutsideArea;

    public IReadOnlyList<string> Areas() =>
        Units().Select(AreaOf).Distinct().OrderBy(a => a == OutsideArea ? 1 : 0).ThenBy(AreaName, NaturalOrder.Instance).ToList();

    public bool IsArea(string? area) => area is not null && Units().Any(u => AreaOf(u) == area);

    public DrillUnit? Unit(string? area, string? unit) => Units().FirstOrDefault(u => u.Kode == unit && AreaOf(u) == area);

    /// <summary>City level: one row per kecamatan area (and the city agencies), with the kecamatan IKM and the 20 JP counts.</summary>
    public IReadOnlyList<Dictionary<string, object?>> AreaTable(DashboardFilter f)
    {
        var periode = model.IkmPeriods() is var ps && f.Periode is not null && ps.Contains(f.Periode) ? f.Periode : ps.FirstOrDefault();
        var year = model.PickYear(f.Tahun);
        var jp = data.JpUnit.Where(r => r.Tahun == year).ToDictionary(r => r.KodeUnit);
        var jpCells = PageFigures.JpCells(jp.Values, minCell);
        var areas = Areas().Select(a =>
        {
            var cells = Units().Where(u => AreaOf(u) == a && jp.ContainsKey(u.Kode)).Select(u => JpCells.Of(jp[u.Kode], jpCells[u.Kode])).ToList();
            return (Area: a, Cells: cells, Sum: JpCells.Sum(cells));
        }).ToList();
        var hidden = areas.Select(x => x.Cells.Count > 0 && (JpCells.Unsafe(x.Cells, minCell) || SmallCells.Row(minCell, x.Sum[0], x.Sum[1], x.Sum[2]) is var s && (s.Total || s.AnyPart))).ToArray();
        // Across the city: the hidden areas' hidden unit cells may not add up to 1..MinCellSize−1 per count. Hiding an area
        // for one count adds to the others' sums, so repeat until nothing changes (hidden only grows: it ends).
        for (var changed = true; changed;)
        {
            changed = false;
            for (var k = 0; k < 3; k++)
            {
                while (SmallCells.IsSmall(areas.Where((_, i) => hidden[i]).Sum(x => JpCells.Residue(x.Cells, k)), minCell))
                {
                    var next = areas.Select((x, i) => (x, i)).Where(p => !hidden[p.i] && JpCells.Residue(p.x.Cells, k) > 0)
                        .OrderBy(p => JpCells.Residue(p.x.Cells, k)).Select(p => (int?)p.i).FirstOrDefault();
                    if (next is not { } n) break;
                    hidden[n] = true;
                    changed = true;
                }
            }
        }
        return areas.Select((x, i) =>
        {
            var ikm = data.Ikm.FirstOrDefault(r => r.Level == "kecamatan" && r.KodeUnit == x.Area && r.Periode == periode);
            var none = x.Cells.Count == 0;
            object? Count(long v) => none ? null : hidden[i] ? suppressed : v;
            return Row(("kode_area", x.Area), ("area", AreaName(x.Area)), ("jumlah_unit", (long)Units().Count(u => AreaOf(u) == x.Area)),
                ("periode", periode is null ? null : text.Period(periode)), ("responden", ikm?.Responden), ("ikm", ikm?.Ikm), ("mutu", ikm is null ? null : PageFigures.Mutu(ikm)),
                ("tahun", year), ("pegawai", Count(x.Sum[0])), ("patuh", Count(x.Sum[1])),
                ("persen_patuh", none ? null : hidden[i] ? suppressed : x.Sum[0] == 0 ? null : Math.Round(100.0 * x.Sum[1] / x.Sum[0], 1)));
        }).ToList();
    }

    /// <summary>Area level: the area's units, each with the cells the unit tables publish (IKM, 20 JP, kinerja).</summary>
    public IReadOnlyList<Dictionary<string, object?>> UnitTable(string area, DashboardFilter f)
    {
        var all = new DashboardFilter(f.Periode, null, f.Tahun);
        var ikm = model.IkmTable(all).ToDictionary(r => (string)r["kode_unit"]!);
        var jp = model.JpTable(all).ToDictionary(r => (string)r["kode_unit"]!);
        var kinerja = model.KinerjaTable(new DashboardFilter(null, null, null)).ToDictionary(r => (string)r["kode_unit"]!);
        object? Get(Dictionary<string, Dictionary<string, object?>> t, string unit, string key) =>
            t.TryGetValue(unit, out var r) && r.TryGetValue(key, out var v) ? v : null;
        return Units().Where(u => AreaOf(u) == area).OrderBy(u => u.Jenis == "kecamatan" ? 0 : 1).ThenBy(u => u.Nama, NaturalOrder.Instance)
            .Select(u => Row(("kode_unit", u.Kode), ("unit", u.Nama), ("jenis_unit", u.Jenis),
                ("responden", Get(ikm, u.Kode, "responden")), ("ikm", Get(ikm, u.Kode, "ikm")), ("mutu", Get(ikm, u.Kode, "mutu")),
                ("pegawai", Get(jp, u.Kode, "pegawai")), ("patuh", Get(jp, u.Kode, "patuh")), ("persen_patuh", Get(jp, u.Kode, "persen_patuh")),
                ("n_kinerja", Get(kinerja, u.Kode, "n")), ("mean_nilai_skp", Get(kinerja, u.Kode, "mean_nilai_skp"))))
            .ToList();
    }

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    /// <summary>A unit's 20 JP counts (employees, compliant, not compliant) and which of them its own row hides.</summary>
    private sealed record JpCells(long[] Count, bool[] Hidden)
    {
        public static JpCells Of(JpUnitRow r, RowSuppression s) => new([r.Pegawai, r.Patuh, r.Pegawai - r.Patuh], [s.Total, s.Part(0), s.Part(1)]);

        public static long[] Sum(IReadOnlyList<JpCells> cells) => [.. Enumerable.Range(0, 3).Select(k => cells.Sum(c => c.Count[k]))];

        /// <summary>What the units' hidden cells of count <paramref name="k"/> add up to (what area total − shown units gives).</summary>
        public static long Residue(IReadOnlyList<JpCells> cells, int k) => cells.Where(c => c.Hidden[k]).Sum(c => c.Count[k]);

        public static bool Unsafe(IReadOnlyList<JpCells> cells, int minCell) => Enumerable.Range(0, 3).Any(k => SmallCells.IsSmall(Residue(cells, k), minCell));
    }
}
