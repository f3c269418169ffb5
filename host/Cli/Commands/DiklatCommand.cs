using System.CommandLine;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian diklat`: training impact (Kirkpatrick 1–4), event study and 20 JP compliance (spec §4, §5).</summary>
public static class DiklatCommand
{
    public static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "Periode (tahun untuk kepatuhan 20 JP) / period (year of the 20 JP views)" };
        var jenis = new Option<string?>("--jenis") { Description = "jenis_pelatihan: latsar, manajerial, teknis, fungsional, sosial_kultural, e_learning" };
        var unit = new Option<string?>("--unit") { Description = "kode_unit (tampilan jp-unit dan jp-pegawai)" };
        var show = new Option<string>("--show")
        {
            Description = "dampak (ATT, CI, p), event (efek per triwulan), jp-unit, jp-pegawai (daftar belum 20 JP, khusus SDM), cakupan",
            DefaultValueFactory = _ => "dampak",
        };
        show.AcceptOnlyFromAmong("dampak", "event", "jp-unit", "jp-pegawai", "cakupan");
        var refresh = new Option<bool>("--refresh") { Description = "Bangun ulang mart diklat dulu (buka gudang baca-tulis) / rebuild the marts first" };
        var format = CommonOptions.Format();
        var command = new Command("diklat", "Dampak pelatihan dan kepatuhan 20 JP. / Training impact and 20 JP compliance.")
        {
            period, jenis, unit, show, refresh, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var periode = KinerjaCommand.ParsePeriode(parse.GetValue(period));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(refresh))
            {
                using var rw = CommonOptions.Warehouse(parse).OpenAndMigrate();
                CliConfiguration.Analytics.Refresher().RefreshArea(rw, "diklat", cancellationToken);
            }
            using var c = ReadableWarehouse.Open(parse);
            if (!DiklatQueries.MartsExist(c))
                throw new OperatorException("Mart diklat belum dibangun. Jalankan 'kepegawaian diklat --refresh' (atau tunggu penyegaran terjadwal). / Training marts not built yet.");
            var fmt = parse.GetValue(format);
            var tahun = periode?.Year;
            switch (parse.GetValue(show))
            {
                case "event":
                    ResultWriter.WriteCells<DiklatEventRow>(output, CliSmallCells.ApplyRows(ResultWriter.Cells(DiklatQueries.Events(c, parse.GetValue(jenis))),
                        "n", ["estimate", "ci_low", "ci_high"], []), fmt);
                    break;
                case "jp-unit":
                    ResultWriter.WriteCells<JpUnitRow>(output, CliSmallCells.Apply(ResultWriter.Cells(DiklatQueries.JpUnits(c, tahun)),
                        CliSmallCells.Jp, r => $"{r["tahun"]}").Where(r => parse.GetValue(unit) is not { } u || (string?)r["kode_unit"] == u).ToList(), fmt);
                    break;
                case "jp-pegawai": ResultWriter.Write(output, DiklatQueries.JpEmployees(c, tahun, parse.GetValue(unit)), fmt); break;
                case "cakupan":
                    ResultWriter.WriteCells<JpCakupanRow>(output, CliSmallCells.Apply(ResultWriter.Cells(DiklatQueries.JpCoverage(c, tahun)),
                        CliSmallCells.Jp, r => $"{r["tahun"]}|{r["dimensi"]}"), fmt);
                    break;
                default:
                    var impact = ResultWriter.Cells(DiklatQueries.Impact(c, parse.GetValue(jenis)));
                    CliSmallCells.ApplyRows(impact, "n_treated", ["att", "ci_low", "ci_high", "p_value", "max_smd", "cohens_d", "pretrend", "pretrend_p", "naive",
                        "reaksi", "gain_test", "gain_ci_low", "gain_ci_high"], ["n_control", "n_peserta_lulus"]);
                    CliSmallCells.ApplyRows(impact, "n_reaksi", ["reaksi"], []);
                    CliSmallCells.ApplyRows(impact, "n_test", ["gain_test", "gain_ci_low", "gain_ci_high"], []);
                    ResultWriter.WriteCells<DiklatDampakRow>(output, impact, fmt);
                    break;
            }
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
