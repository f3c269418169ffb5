using System.CommandLine;
using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// <c>kepegawaian efisiensi [--period P] [--unit K] [--by unit|kanal|jenis|bulan] [--view ringkas|tertunda|kualitas] [--format table|json|csv]</c>:
/// leave processing time (Kaplan–Meier median and p90, pending requests counted at their age), online share, pending share
/// and data quality (spec §4 Efficiency), read-only.
/// </summary>
public static class EfisiensiCommand
{
    public static Command Create()
    {
        var period = new Option<string?>("--period")
        {
            Description = "Periode pengajuan: 2026, 2026-S1, 2026-Q3, 2026-07 atau 2026-W47 (bawaan: tahun pengajuan terakhir) / submission period",
        };
        var unit = new Option<string?>("--unit") { Description = "Hanya unit ini (kode_unit; KOTA untuk kota) / only this unit" };
        var view = new Option<string>("--view")
        {
            Description = "ringkas: waktu proses dan porsi online per unit; tertunda: belum diputus setelah 3 hari kerja (per waktu data terakhir); " +
                          "kualitas: baris ditolak ÷ dibaca / summary, pending or data quality",
            DefaultValueFactory = _ => "ringkas",
        };
        view.AcceptOnlyFromAmong("ringkas", "tertunda", "kualitas");
        var by = new Option<string[]>("--by")
        {
            Description = "Rincian waktu proses: unit, kanal, jenis, bulan; digabung dengan koma atau diulang, mis. --by kanal,bulan " +
                          "(bawaan: unit, dengan baris KOTA) / breakdown of processing time, combinable",
        };
        var format = CommonOptions.Format();
        var command = new Command("efisiensi",
            "Efisiensi administrasi cuti: waktu proses (jam dan hari kerja), median dan p90, porsi online, tertunda, kualitas data. " +
            "/ Administrative efficiency of leave processing.")
        {
            period, unit, by, view, format,
        };
        command.SetAction((parse, _) =>
        {
            Periode? p = null;
            if (parse.GetValue(period) is { } text && !Periode.TryParse(text, out p))
                throw new UsageException($"--period '{text}' tidak valid; contoh: 2026, 2026-S1, 2026-Q3, 2026-07, 2026-W47.");
            var options = CliConfiguration.Analytics.Efisiensi;
            var calendar = WorkingCalendar.Load(options.ExtraHolidays);
            var kode = parse.GetValue(unit);
            var output = parse.InvocationConfiguration.Output;
            var fmt = parse.GetValue(format);
            using var connection = ReadableWarehouse.Open(parse);
            if (HolidayCoverage.Warning(HolidayCoverage.Missing(connection, calendar, referenceYear: null)) is { } warning)
                parse.InvocationConfiguration.Error.WriteLine("peringatan / warning: " + warning);
            switch (parse.GetValue(view))
            {
                case "tertunda":
                    // Suppressed over all units first, so a --unit filter shows the same cells.
                    ResultWriter.WriteCells<TertundaRow>(output, CliSmallCells.Apply(ResultWriter.Cells(EfisiensiAnalysis.Tertunda(connection, calendar, options)
                        .Select(TertundaRow.From)), CliSmallCells.Tertunda, _ => "").Where(r => kode is null || (string?)r["kode_unit"] == kode).ToList(), fmt);
                    break;
                case "kualitas":
                    ResultWriter.Write(output, EfisiensiAnalysis.Kualitas(connection)
                        .Where(r => kode is null || r.KodeUnit == kode).Select(KualitasRow.From).ToList(), fmt);
                    break;
                default:
                    ResultWriter.WriteCells<RingkasRow>(output, CliSmallCells.Apply(ResultWriter.Cells(Ringkas(connection, calendar, options, p, kode, Dimensions(parse.GetValue(by)))),
                        CliSmallCells.Ringkas, r => (string)r["periode"]!), fmt);
                    break;
            }
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    /// <summary>--by values (comma-separated and/or repeated) → level dimensions; default unit.</summary>
    public static IReadOnlyList<string> Dimensions(string[]? values)
    {
        var list = new List<string>();
        foreach (var v in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            list.Add(v.ToLowerInvariant() switch
            {
                "unit" => "unit",
                "kanal" => "kanal",
                "jenis" or "jenis_cuti" => "jenis_cuti",
                "bulan" => "bulan",
                _ => throw new UsageException($"--by '{v}' tidak dikenal; pilih dari unit, kanal, jenis, bulan (boleh digabung: --by kanal,bulan)."),
            });
        return list.Count == 0 ? ["unit"] : list.Distinct().ToList();
    }

    /// <summary>
    /// Requests submitted in the period (default: the year of the data-through time), per the chosen level. kode_unit says
    /// whose requests a row describes: the unit, or the city (KOTA) when unit is not a dimension and no --unit is given.
    /// By unit alone the city row is added, as before --by existed.
    /// </summary>
    private static List<RingkasRow> Ringkas(DuckDBConnection connection, WorkingCalendar calendar, EfisiensiOptions options,
        Periode? p, string? kode, IReadOnlyList<string> dimensions)
    {
        if (EfisiensiAnalysis.ReferenceTime(connection, options) is not { } acuan) return [];
        p ??= Periode.Containing(PeriodeKind.Tahun, DateOnly.FromDateTime(acuan));
        var level = EfisiensiAnalysis.Level(dimensions);
        var city = kode == EfisiensiAnalysis.KodeKota;
        var unit = city ? null : kode;
        List<string> levels = city && level == "unit" ? ["semua"] : unit is null && level == "unit" ? ["unit", "semua"] : [level];
        return EfisiensiAnalysis.Waktu(connection, calendar, acuan, levels, p.Start.ToDateTime(TimeOnly.MinValue), p.End.ToDateTime(TimeOnly.MinValue), unit)
            .OrderBy(r => r.Tingkat == "semua" ? 0 : 1)
            .Select(r => RingkasRow.From(r, p.ToString(), r.KodeUnit ?? unit ?? EfisiensiAnalysis.KodeKota)).ToList();
    }

    public sealed record RingkasRow(
        [property: JsonPropertyName("kode_unit")] string KodeUnit,
        [property: JsonPropertyName("kanal")] string? Kanal,
        [property: JsonPropertyName("jenis_cuti")] string? JenisCuti,
        [property: JsonPropertyName("bulan")] string? Bulan,
        [property: JsonPropertyName("periode")] string Periode,
        [property: JsonPropertyName("n")] long N,
        [property: JsonPropertyName("n_diputus")] long NDiputus,
        [property: JsonPropertyName("n_tertunda")] long NTertunda,
        [property: JsonPropertyName("share_online")] double? ShareOnline,
        [property: JsonPropertyName("median_jam")] double? MedianJam,
        [property: JsonPropertyName("p90_jam")] double? P90Jam,
        [property: JsonPropertyName("median_hari_kerja")] double? MedianHariKerja,
        [property: JsonPropertyName("p90_hari_kerja")] double? P90HariKerja,
        [property: JsonPropertyName("stabil")] bool Stabil,
        [property: JsonPropertyName("catatan")] string? Catatan,
        [property: JsonPropertyName("waktu_acuan")] DateTime WaktuAcuan)
    {
        public static RingkasRow From(CutiWaktu r, string periode, string kodeUnit) =>
            new(kodeUnit, r.Kanal, r.JenisCuti, r.Bulan?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), periode,
                r.N, r.NDiputus, r.NTertunda, r.ShareOnline, r.MedianJam, r.P90Jam, r.MedianHariKerja, r.P90HariKerja, r.Stabil, Note(r), r.WaktuAcuan);

        /// <summary>
        /// Why a row is not final yet (Indonesian, as the rest of the output). No count in the text: the pending count
        /// is the n_tertunda column, which the small-cell rule may hide — a number here would give it away.
        /// </summary>
        private static string? Note(CutiWaktu r) =>
            r.MedianJam is null || r.MedianHariKerja is null ? "median belum dapat diestimasi (masih ada yang diproses)"
            : r.P90Jam is null || r.P90HariKerja is null ? "p90 belum dapat diestimasi (masih ada yang diproses)"
            : r.Stabil ? null
            : r.NTertunda > 0 ? "belum stabil: masih ada yang diproses"
            : "belum stabil: bulan belum selesai";
    }

    public sealed record TertundaRow(
        [property: JsonPropertyName("kode_unit")] string KodeUnit,
        [property: JsonPropertyName("waktu_acuan")] DateTime WaktuAcuan,
        [property: JsonPropertyName("n_jatuh_tempo")] long NJatuhTempo,
        [property: JsonPropertyName("n_tertunda")] long NTertunda,
        [property: JsonPropertyName("share_tertunda")] double? ShareTertunda)
    {
        public static TertundaRow From(CutiTertunda r) => new(r.KodeUnit, r.WaktuAcuan, r.NJatuhTempo, r.NTertunda, r.ShareTertunda);
    }

    public sealed record KualitasRow(
        [property: JsonPropertyName("tingkat")] string Tingkat,
        [property: JsonPropertyName("sumber")] string Sumber,
        [property: JsonPropertyName("kode_unit")] string? KodeUnit,
        [property: JsonPropertyName("rows_read")] long RowsRead,
        [property: JsonPropertyName("rows_rejected")] long RowsRejected,
        [property: JsonPropertyName("reject_rate")] double? RejectRate,
        [property: JsonPropertyName("predikat_tidak_sesuai")] long? PredikatTidakSesuai)
    {
        public static KualitasRow From(KualitasData r) => new(r.Tingkat, r.Sumber, r.KodeUnit, r.RowsRead, r.RowsRejected, r.RejectRate, r.PredikatTidakSesuai);
    }
}
