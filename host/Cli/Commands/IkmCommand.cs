using System.CommandLine;
using System.Text.Json.Serialization;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Reports;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// <c>kepegawaian ikm [--period P] [--unit K] [--by unit|layanan|kecamatan|kota] [--format table|json|csv]</c>:
/// IKM per PermenPANRB 14/2017 (spec §4, §5), computed from fact_skm on a read-only warehouse.
/// </summary>
public static class IkmCommand
{
    public static Command Create()
    {
        var period = new Option<string?>("--period")
        {
            Description = "Periode: 2026, 2026-S1 atau 2026-Q3 (bawaan: triwulan terakhir yang ada datanya) / period (default: latest quarter with data)",
        };
        var unit = new Option<string?>("--unit") { Description = "Hanya unit ini (kode_unit; KOTA untuk kota) / only this unit" };
        var by = new Option<string>("--by")
        {
            Description = "Tingkat: unit, layanan (unit × jenis layanan), kecamatan (dengan kelurahannya) atau kota / grouping level",
            DefaultValueFactory = _ => IkmLevel.Unit,
        };
        by.AcceptOnlyFromAmong([.. IkmLevel.All]);
        var format = CommonOptions.Format();
        var command = new Command("ikm",
            "Indeks Kepuasan Masyarakat per PermenPANRB 14/2017: NRR u1–u9, IKM, mutu, kinerja, IK 95 %, sampel minimum Krejcie–Morgan. " +
            "/ Citizen satisfaction index per unit, service, kecamatan or city.")
        {
            period, unit, by, format,
        };
        command.SetAction((parse, _) =>
        {
            var text = parse.GetValue(period);
            if (text is not null)
            {
                if (!Periode.TryParse(text, out var p))
                    throw new UsageException($"--period '{text}' tidak valid; contoh: 2026, 2026-S1, 2026-Q3.");
                if (p.Kind is PeriodeKind.Bulan or PeriodeKind.Minggu)
                    throw new UsageException("IKM dihitung per triwulan, semester atau tahun (mis. 2026-Q3, 2026-S1, 2026). / IKM is per quarter, semester or year.");
                text = p.ToString();
            }
            var level = parse.GetValue(by)!;
            using var connection = ReadableWarehouse.Open(parse);
            var results = IkmAnalysis.Compute(connection, new IkmFilter(level, text, parse.GetValue(unit)));
            if (text is null && results.Count > 0)
            {
                var quarters = results.Where(r => r.JenisPeriode == "triwulan").ToList();
                var latest = quarters.Count > 0 ? quarters.Max(r => r.PeriodeMulai) : results.Max(r => r.PeriodeMulai);
                results = results.Where(r => r.PeriodeMulai == latest && (quarters.Count == 0 || r.JenisPeriode == "triwulan")).ToList();
            }
            // JSON keeps nrr as an object u1…u9 (spec §5); table and CSV get one column per element.
            var fmt = parse.GetValue(format);
            var output = parse.InvocationConfiguration.Output;
            if (fmt == OutputFormat.Json)
                ResultWriter.Write(output, results.Select(IkmRow.From).ToList(), fmt);
            else
                ResultWriter.Write(output, results.Select(IkmFlatRow.From).ToList(), fmt);
            // The mark is explained once, under the table (CSV/JSON stay machine-readable: the mark and sampel_cukup say it).
            if (fmt == OutputFormat.Table && results.Any(r => IkmScale.Indicative(r.SampelCukup)))
                output.WriteLine(ReportText.Indonesian.IndicativeNote(annualPreferred: false));
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    /// <summary>One output row with the field names of spec §5; <c>nrr</c> is an object u1…u9.</summary>
    public sealed record IkmRow(
        [property: JsonPropertyName("level")] string Level,
        [property: JsonPropertyName("kode_unit")] string KodeUnit,
        [property: JsonPropertyName("nama_unit")] string NamaUnit,
        [property: JsonPropertyName("jenis_layanan")] string? JenisLayanan,
        [property: JsonPropertyName("periode")] string Periode,
        [property: JsonPropertyName("responden")] long Responden,
        [property: JsonPropertyName("nrr")] IReadOnlyDictionary<string, double?> Nrr,
        [property: JsonPropertyName("ikm")] decimal? Ikm,
        [property: JsonPropertyName("mutu")] string? Mutu,
        [property: JsonPropertyName("kinerja")] string? Kinerja,
        [property: JsonPropertyName("ci_low")] decimal? CiLow,
        [property: JsonPropertyName("ci_high")] decimal? CiHigh,
        [property: JsonPropertyName("populasi")] long? Populasi,
        [property: JsonPropertyName("sampel_minimum")] int? SampelMinimum,
        [property: JsonPropertyName("sampel_cukup")] bool? SampelCukup,
        [property: JsonPropertyName("indikatif")] bool Indikatif)
    {
        /// <summary>JSON keeps mutu as the plain grade; <c>indikatif</c> says it is below the sample minimum (IkmScale.Indicative).</summary>
        public static IkmRow From(IkmResult r) => new(
            r.Level, r.KodeUnit, r.NamaUnit, r.JenisLayanan, r.Periode, r.Responden,
            Enumerable.Range(0, IkmScale.ElementCount).ToDictionary(i => $"u{i + 1}", i => r.Nrr[i]),
            r.Ikm, r.Mutu, r.Kinerja, r.CiLow, r.CiHigh, r.Populasi, r.SampelMinimum, r.SampelCukup, IkmScale.Indicative(r.SampelCukup));
    }

    /// <summary>Table/CSV row: the same fields with nrr spread over u1…u9; mutu as printed ("B*" when indicative).</summary>
    public sealed record IkmFlatRow(
        [property: JsonPropertyName("level")] string Level,
        [property: JsonPropertyName("kode_unit")] string KodeUnit,
        [property: JsonPropertyName("nama_unit")] string NamaUnit,
        [property: JsonPropertyName("jenis_layanan")] string? JenisLayanan,
        [property: JsonPropertyName("periode")] string Periode,
        [property: JsonPropertyName("responden")] long Responden,
        [property: JsonPropertyName("u1")] double? U1, [property: JsonPropertyName("u2")] double? U2, [property: JsonPropertyName("u3")] double? U3,
        [property: JsonPropertyName("u4")] double? U4, [property: JsonPropertyName("u5")] double? U5, [property: JsonPropertyName("u6")] double? U6,
        [property: JsonPropertyName("u7")] double? U7, [property: JsonPropertyName("u8")] double? U8, [property: JsonPropertyName("u9")] double? U9,
        [property: JsonPropertyName("ikm")] decimal? Ikm,
        [property: JsonPropertyName("mutu")] string? Mutu,
        [property: JsonPropertyName("kinerja")] string? Kinerja,
        [property: JsonPropertyName("ci_low")] decimal? CiLow,
        [property: JsonPropertyName("ci_high")] decimal? CiHigh,
        [property: JsonPropertyName("populasi")] long? Populasi,
        [property: JsonPropertyName("sampel_minimum")] int? SampelMinimum,
        [property: JsonPropertyName("sampel_cukup")] bool? SampelCukup)
    {
        public static IkmFlatRow From(IkmResult r) => new(
            r.Level, r.KodeUnit, r.NamaUnit, r.JenisLayanan, r.Periode, r.Responden,
            r.Nrr[0], r.Nrr[1], r.Nrr[2], r.Nrr[3], r.Nrr[4], r.Nrr[5], r.Nrr[6], r.Nrr[7], r.Nrr[8],
            r.Ikm, IkmScale.MutuLabel(r.Mutu, r.SampelCukup), r.Kinerja, r.CiLow, r.CiHigh, r.Populasi, r.SampelMinimum, r.SampelCukup);
    }
}
