using System.CommandLine;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian kinerja`: performance per unit and period, trends, forecast and predictors of next-quarter performance (spec §4, §5).</summary>
public static class KinerjaCommand
{
    /// <summary>Permutation importance ranks what helps the model predict, not what would change performance if changed.</summary>
    public const string PredictorNote =
        "Prediktor kinerja: peringkat fitur menurut seberapa besar galat prediksi naik bila fitur diacak (permutation importance) — " +
        "ini prediksi, bukan sebab: peringkat tinggi tidak berarti mengubah fitur itu akan mengubah kinerja (dampak pelatihan: 'diklat').";

    public static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "Periode: 2026, 2026-S1, 2026-Q3, 2026-07 / period" };
        var unit = new Option<string?>("--unit") { Description = "kode_unit" };
        var show = new Option<string>("--show")
        {
            Description = "unit (distribusi predikat per periode), rincian (per jenis_jabatan dan golongan), tren (slope + CI 95 %), forecast, prediktor (prediktor kinerja: fitur yang paling membantu memprediksi kinerja triwulan berikutnya — bukan penyebab; alias lama: pendorong)",
            DefaultValueFactory = _ => "unit",
        };
        show.AcceptOnlyFromAmong("unit", "rincian", "tren", "forecast", "prediktor", "pendorong");
        var refresh = new Option<bool>("--refresh") { Description = "Bangun ulang mart kinerja dulu (buka gudang baca-tulis) / rebuild the marts first" };
        var format = CommonOptions.Format();
        var command = new Command("kinerja", "Kinerja pegawai per unit: predikat, rata-rata nilai SKP, tren, prakiraan. / Performance per unit.")
        {
            period, unit, show, refresh, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var periode = ParsePeriode(parse.GetValue(period));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(refresh))
            {
                using var rw = CommonOptions.Warehouse(parse).OpenAndMigrate();
                CliConfiguration.Analytics.Refresher().RefreshArea(rw, "kinerja", cancellationToken);
            }
            using var c = ReadableWarehouse.Open(parse);
            if (!KinerjaQueries.MartsExist(c))
                throw new OperatorException("Mart kinerja belum dibangun. Jalankan 'kepegawaian kinerja --refresh' (atau tunggu penyegaran terjadwal). / Performance marts not built yet.");
            var fmt = parse.GetValue(format);
            var kode = parse.GetValue(unit);
            switch (parse.GetValue(show))
            {
                case "rincian":
                    ResultWriter.WriteCells<KinerjaRincianRow>(output, CliSmallCells.Apply(ResultWriter.Cells(KinerjaQueries.Breakdown(c, periode, kode)),
                        CliSmallCells.Kinerja, r => $"{r["kode_unit"]}|{r["periode"]}|{r["dimensi"]}"), fmt);
                    break;
                case "tren": ResultWriter.Write(output, KinerjaQueries.Trends(c, kode), fmt); break;
                case "forecast": ResultWriter.Write(output, KinerjaQueries.Forecasts(c, kode), fmt); break;
                case "prediktor" or "pendorong":   // "pendorong" (drivers) kept as an alias: the ranking is predictive, not causal
                    if (fmt == OutputFormat.Table) output.WriteLine(PredictorNote);
                    ResultWriter.Write(output, KinerjaQueries.Drivers(c), fmt);
                    break;
                default:
                    ResultWriter.WriteCells<KinerjaUnitRow>(output, CliSmallCells.Apply(ResultWriter.Cells(KinerjaQueries.Units(c, periode)),
                        CliSmallCells.Kinerja, r => (string)r["periode"]!).Where(r => kode is null || (string?)r["kode_unit"] == kode).ToList(), fmt);
                    break;
            }
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    internal static Periode? ParsePeriode(string? text) =>
        text is null ? null
        : Periode.TryParse(text, out var p) ? p
        : throw new UsageException($"Periode '{text}' tidak valid; contoh: 2026, 2026-S1, 2026-Q3, 2026-07, 2026-W47.");
}
