using System.CommandLine;
using System.Text.Json.Serialization;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// <c>kepegawaian efisiensi [--period P] [--unit K] [--view ringkas|tertunda|kualitas] [--format table|json|csv]</c>:
/// leave processing time, online share, pending share and data quality (spec §4 Efficiency), read-only.
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
            Description = "ringkas: waktu proses dan porsi online per unit; tertunda: belum diputus setelah 3 hari kerja (per saat ini); " +
                          "kualitas: baris ditolak ÷ dibaca / summary, pending or data quality",
            DefaultValueFactory = _ => "ringkas",
        };
        view.AcceptOnlyFromAmong("ringkas", "tertunda", "kualitas");
        var format = CommonOptions.Format();
        var command = new Command("efisiensi",
            "Efisiensi administrasi cuti: waktu proses (jam dan hari kerja), median dan p90, porsi online, tertunda, kualitas data. " +
            "/ Administrative efficiency of leave processing.")
        {
            period, unit, view, format,
        };
        command.SetAction((parse, _) =>
        {
            Periode? p = null;
            if (parse.GetValue(period) is { } text && !Periode.TryParse(text, out p))
                throw new UsageException($"--period '{text}' tidak valid; contoh: 2026, 2026-S1, 2026-Q3, 2026-07, 2026-W47.");
            var options = CliConfiguration.Analytics.Efisiensi;
            var calendar = WorkingCalendar.Load(options);
            var kode = parse.GetValue(unit);
            var output = parse.InvocationConfiguration.Output;
            var fmt = parse.GetValue(format);
            using var connection = CommonOptions.Warehouse(parse).Open(readOnly: true);
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
                    p ??= Periode.Containing(PeriodeKind.Tahun, DateOnly.FromDateTime(
                        connection.Scalar<DateTime?>("SELECT max(waktu_pengajuan) FROM fact_cuti") ?? DateTime.Today));
                    ResultWriter.WriteCells<RingkasRow>(output, CliSmallCells.Apply(ResultWriter.Cells(EfisiensiAnalysis.Ringkas(connection, calendar, p)
                        .Select(RingkasRow.From)), CliSmallCells.Ringkas, r => (string)r["periode"]!).Where(r => kode is null || (string?)r["kode_unit"] == kode).ToList(), fmt);
                    break;
            }
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    public sealed record RingkasRow(
        [property: JsonPropertyName("kode_unit")] string KodeUnit,
        [property: JsonPropertyName("periode")] string Periode,
        [property: JsonPropertyName("n")] long N,
        [property: JsonPropertyName("n_diputus")] long NDiputus,
        [property: JsonPropertyName("share_online")] double? ShareOnline,
        [property: JsonPropertyName("median_jam")] double? MedianJam,
        [property: JsonPropertyName("p90_jam")] double? P90Jam,
        [property: JsonPropertyName("median_hari_kerja")] double? MedianHariKerja,
        [property: JsonPropertyName("p90_hari_kerja")] double? P90HariKerja)
    {
        public static RingkasRow From(CutiPeriode r) =>
            new(r.KodeUnit, r.Periode, r.N, r.NDiputus, r.ShareOnline, r.MedianJam, r.P90Jam, r.MedianHariKerja, r.P90HariKerja);
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
        [property: JsonPropertyName("reject_rate")] double? RejectRate)
    {
        public static KualitasRow From(KualitasData r) => new(r.Tingkat, r.Sumber, r.KodeUnit, r.RowsRead, r.RowsRejected, r.RejectRate);
    }
}
