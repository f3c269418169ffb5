using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Reports.Charts;
using ScottPlot;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// A section's headline on /dasbor/penempatan: one sentence around one figure, <paramref name="Value"/>, which is the cell
/// <paramref name="Key"/> of row <paramref name="Row"/> of the section's own table (null: no such row).
/// </summary>
public sealed record PenempatanHeadline(string Bagian, string Text, int? Row, string Key, object? Value);

/// <summary>One bar (or point) of a section's chart: a table row's shown figure and the employees behind it (<paramref name="Pegawai"/>).</summary>
public sealed record PenempatanPoint(string Label, double Value, bool Flag, long Pegawai, double? Y = null);

/// <summary>
/// The sections of /dasbor/penempatan: headline and chart read off the rows each table shows (<see cref="PenempatanRows"/>),
/// so they repeat the tables' figures and their small-cell suppression and compute nothing of their own.
/// </summary>
public sealed partial class DashboardModel
{
    /// <summary>The sections in page order; also their anchors and the names in /chart/penempatan_{bagian}.png.</summary>
    public static readonly IReadOnlyList<string> PenempatanBagian = ["pensiun", "masa-kerja", "beban", "layanan", "kesesuaian", "formasi"];

    /// <summary>The rows of a section's table, exactly as its API serves them.</summary>
    public IReadOnlyList<Dictionary<string, object?>> PenempatanRows(string bagian, DashboardFilter f) => bagian switch
    {
        "pensiun" => PensiunTable(f),
        "masa-kerja" => MasaKerjaTable(f),
        "beban" => BebanTable(f),
        "layanan" => LayananTable(f),
        "kesesuaian" => KesesuaianTable(f),
        "formasi" => FormasiTable(f),
        _ => throw new ArgumentOutOfRangeException(nameof(bagian), bagian, null),
    };

    public PenempatanHeadline PenempatanHeadline(string bagian, DashboardFilter f)
    {
        var rows = PenempatanRows(bagian, f);
        var yes = text.T("ya", "yes");
        int? First(string key) => rows.Select((r, i) => (r, i)).Where(x => Num(x.r.GetValueOrDefault(key)) is not null).Select(x => (int?)x.i).FirstOrDefault();
        int? Highest(string key) => rows.Select((r, i) => (r, i)).Where(x => Num(x.r.GetValueOrDefault(key)) is not null)
            .OrderByDescending(x => Num(x.r[key])).Select(x => (int?)x.i).FirstOrDefault();
        int Count(string key, string value) => rows.Count(r => r.GetValueOrDefault(key) as string == value);
        string Cell(int row, string key) => Fig(rows[row].GetValueOrDefault(key), key);
        PenempatanHeadline H(int? row, string key, Func<int, string> sentence) =>
            new(bagian, row is { } i ? sentence(i) : text.T("Belum ada data untuk pilihan ini.", "No data for this choice yet."), row, key,
                row is { } j ? rows[j].GetValueOrDefault(key) : null);

        return bagian switch
        {
            // Rows come wave first, highest share first: the first with a shown share is the headline.
            "pensiun" => H(First("persen_jendela"), "persen_jendela", i => text.T(
                $"{Count("gelombang", yes)} kelompok jabatan kehilangan ≥ 20 % pegawainya karena pensiun dalam 2 tahun; tertinggi {rows[i]["unit"]}, {rows[i]["kelompok"]}: {Cell(i, "persen_jendela")} %.",
                $"{Count("gelombang", yes)} jabatan groups lose ≥ 20 % of their staff to retirement within 2 years; highest {rows[i]["unit"]}, {rows[i]["kelompok"]}: {Cell(i, "persen_jendela")} %.")),
            "masa-kerja" => H(Highest("median_tahun_unit"), "median_tahun_unit", i => text.T(
                $"{Count("tanpa_rotasi", yes)} unit tanpa rotasi; pegawai paling lama di unitnya di {rows[i]["unit"]}: median {Cell(i, "median_tahun_unit")} tahun.",
                $"{Count("tanpa_rotasi", yes)} units without rotation; staff stay longest in {rows[i]["unit"]}: median {Cell(i, "median_tahun_unit")} years.")),
            "beban" => H(First("rasio_median"), "rasio_median", i => text.T(
                $"{Count("kategori", BebanAnalysis.KategoriTinggi)} unit berbeban tinggi (≥ 2× median unit sejenis); tertinggi {rows[i]["unit"]}: {Cell(i, "rasio_median")}× median.",
                $"{Count("kategori", BebanAnalysis.KategoriTinggi)} units under high load (≥ 2× the median of their type); highest {rows[i]["unit"]}: {Cell(i, "rasio_median")}× the median.")),
            "layanan" => H(First("rasio_beban"), "rasio_beban", i => text.T(
                $"Beban tertinggi di {rows[i]["unit"]}: {Cell(i, "rasio_beban")}× median unit sejenis, {(rows[i]["ikm"] is null ? "IKM belum ada" : "IKM " + Cell(i, "ikm"))} — asosiasi antarunit, bukan sebab-akibat.",
                $"Highest load in {rows[i]["unit"]}: {Cell(i, "rasio_beban")}× the median of its type, {(rows[i]["ikm"] is null ? "no IKM yet" : "IKM " + Cell(i, "ikm"))} — an association, not cause and effect.")),
            // The first row is the city's (or the chosen unit's) "semua jabatan" row.
            "kesesuaian" => H(rows.Count > 0 ? 0 : null, "persen_kurang", i => text.T(
                $"{rows[i]["unit"]}: {Cell(i, "kurang")} dari {Cell(i, "pegawai")} pegawai ({Cell(i, "persen_kurang")} %) berpendidikan di bawah minimum jabatannya.",
                $"{rows[i]["unit"]}: {Cell(i, "kurang")} of {Cell(i, "pegawai")} staff ({Cell(i, "persen_kurang")} %) have less than their position's minimum education.")),
            "formasi" => H(rows.Count > 0 ? 0 : null, "pegawai", i => text.T(
                $"{rows[i]["unit"]}: {Cell(i, "pegawai")} pegawai, di antaranya {Cell(i, "pppk")} PPPK.",
                $"{rows[i]["unit"]}: {Cell(i, "pegawai")} staff, of whom {Cell(i, "pppk")} PPPK.")),
            _ => throw new ArgumentOutOfRangeException(nameof(bagian), bagian, null),
        };
    }

    /// <summary>A section chart's bars: rows whose figure the table shows (a "&lt;5" or hidden cell is no bar), largest first.</summary>
    public IReadOnlyList<PenempatanPoint> PenempatanChartData(string bagian, DashboardFilter f)
    {
        var rows = PenempatanRows(bagian, f);
        var yes = text.T("ya", "yes");
        IEnumerable<PenempatanPoint> Bars(IEnumerable<Dictionary<string, object?>> source, string key, Func<Dictionary<string, object?>, string> label,
            Func<Dictionary<string, object?>, bool> flag) =>
            source.Where(r => Num(r.GetValueOrDefault(key)) is not null && r.GetValueOrDefault("pegawai") is long)
                .Select(r => new PenempatanPoint(label(r), Num(r[key])!.Value, flag(r), (long)r["pegawai"]!))
                .OrderByDescending(p => p.Value);
        var semua = text.T("semua jabatan", "all positions");
        return bagian switch
        {
            "pensiun" => Bars(rows, "persen_jendela", r => $"{r["unit"]} — {r["kelompok"]}", r => r.GetValueOrDefault("gelombang") as string == yes).ToList(),
            "masa-kerja" => Bars(rows, "median_tahun_unit", r => $"{r["unit"]}", r => r.GetValueOrDefault("tanpa_rotasi") as string == yes).ToList(),
            "beban" => Bars(rows, "rasio_median", r => $"{r["unit"]}", r => r.GetValueOrDefault("kategori") as string == BebanAnalysis.KategoriTinggi).ToList(),
            "layanan" => rows.Where(r => Num(r.GetValueOrDefault("rasio_beban")) is not null && Num(r.GetValueOrDefault("ikm")) is not null && r.GetValueOrDefault("pegawai") is long)
                .Select(r => new PenempatanPoint($"{r["unit"]}", Num(r["rasio_beban"])!.Value, r.GetValueOrDefault("kategori_beban") as string == BebanAnalysis.KategoriTinggi,
                    (long)r["pegawai"]!, Num(r["ikm"]))).ToList(),
            // Without a unit: each unit's "semua jabatan" share; with one: its jabatan groups.
            "kesesuaian" => Bars(rows.Where(r => f.Unit is null ? (string?)r["kode_unit"] != KomposisiAnalysis.KodeKota && (string?)r["kelompok"] == semua : (string?)r["kelompok"] != semua),
                "persen_kurang", r => f.Unit is null ? $"{r["unit"]}" : $"{r["kelompok"]}", _ => false).ToList(),
            // The first row's unit (the city, or the chosen unit) per jenis jabatan.
            "formasi" => Bars(rows.Where(r => rows.Count > 0 && Equals(r["kode_unit"], rows[0]["kode_unit"]) && (string?)r["jenis_jabatan"] != semua),
                "pegawai", r => $"{r["jenis_jabatan"]}", _ => false).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(bagian), bagian, null),
        };
    }

    public Plot PenempatanChart(string bagian, DashboardFilter f)
    {
        var points = PenempatanChartData(bagian, f);
        List<(string, double, bool)> Bars() => points.Select(p => (p.Label, p.Value, p.Flag)).ToList();
        return bagian switch
        {
            "pensiun" => charts.RankedBars(text.T("Pensiun dalam 2 tahun, per kelompok", "Retiring within 2 years, by group"),
                text.T("Persen pegawai kelompok", "Percent of the group's staff"), Bars(), 1, " %", (20, text.T("gelombang 20 %", "wave 20 %")),
                (text.T("gelombang", "wave"), text.T("di bawah 20 %", "below 20 %"))),
            "masa-kerja" => charts.RankedBars(text.T("Median masa kerja di unit", "Median years in the unit"), text.T("Tahun", "Years"), Bars(), 1,
                legend: (text.T("tanpa rotasi", "no rotation"), text.T("ada rotasi", "rotation"))),
            "beban" => charts.RankedBars(text.T("Beban terhadap median unit sejenis", "Load against the unit-type median"),
                text.T("Rasio responden per pegawai ke median", "Respondents per employee, ratio to median"), Bars(), 2, "×", (2, text.T("tinggi ≥ 2×", "high ≥ 2×")),
                (text.T("beban tinggi", "high load"), text.T("lainnya", "others"))),
            "layanan" => charts.Scatter(text.T("Beban dan IKM per unit (asosiasi, bukan sebab-akibat)", "Load and IKM by unit (association, not cause)"),
                text.T("Rasio beban ke median", "Load ratio to median"), "IKM", points.Select(p => (p.Value, p.Y!.Value, p.Flag)).ToList(),
                (text.T("beban tinggi", "high load"), text.T("lainnya", "others"))),
            "kesesuaian" => charts.RankedBars(f.Unit is null ? text.T("Di bawah pendidikan minimum, per unit", "Below minimum education, by unit")
                    : text.T("Di bawah pendidikan minimum, per kelompok", "Below minimum education, by group"),
                text.T("Persen pegawai yang dinilai", "Percent of the staff judged"), Bars(), 1, " %",
                // The city's own row of the table as the yardstick, when the chart compares units.
                f.Unit is null && Num(PenempatanRows(bagian, f).FirstOrDefault(r => (string?)r["kode_unit"] == KomposisiAnalysis.KodeKota)?.GetValueOrDefault("persen_kurang")) is { } kota
                    ? (kota, text.T($"kota {text.N(kota, 1)} %", $"city {text.N(kota, 1)} %")) : null),
            "formasi" => charts.RankedBars(text.T("Pegawai per jenis jabatan", "Staff by position type"), text.T("Pegawai", "Staff"), Bars(), 0),
            _ => throw new ArgumentOutOfRangeException(nameof(bagian), bagian, null),
        };
    }

    /// <summary>A numeric cell as a double (the marts hand IKM over as decimal); null for text, "&lt;5" and empty cells.</summary>
    private static double? Num(object? v) => v switch
    {
        double d => d,
        decimal m => (double)m,
        long l => l,
        int i => i,
        _ => null,
    };

    /// <summary>A cell as the table prints it (dashboard.js): the column's fixed decimals or up to 2, a suppressed "&lt;5" as is, nothing as "–".</summary>
    private string Fig(object? v, string key) => v switch
    {
        double or decimal => DashboardPage.DecimalsOf(key) is { } n ? text.N(Num(v)!.Value, n) : Num(v)!.Value.ToString("#,##0.##", text.Number),
        long n => text.Int(n),
        int n => text.Int(n),
        string s => s,
        _ => "–",
    };
}
