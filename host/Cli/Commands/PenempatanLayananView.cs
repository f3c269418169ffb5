using DuckDB.NET.Data;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// `penempatan --show layanan` (issue 15 item 5): per service unit, load per employee and tenure beside IKM and the leave
/// processing time (mart_penempatan_layanan, or computed at `--per DATE`), small cells hidden by <see cref="LayananPublik"/>,
/// with the correlations across units and the association caution of the training analyses.
/// </summary>
internal static class PenempatanLayananView
{
    public static void Write(DuckDBConnection c, DateOnly? tanggal, string? kode, int min, TextWriter output, OutputFormat fmt)
    {
        var options = CliConfiguration.Analytics.Penempatan;
        IReadOnlyList<LayananRow> rows;
        if (tanggal is { } t)
            rows = LayananAnalysis.Compute(c, t, BebanAnalysis.Compute(c, t, options), PenempatanAnalysis.Compute(c, t, options), CliConfiguration.Analytics.Efisiensi);
        else
            rows = LayananQueries.Read(c)
                   ?? throw new OperatorException("Mart penempatan_layanan belum dibangun. Jalankan 'kepegawaian etl' (penyegaran mart) atau pakai --per TANGGAL. " +
                                                  "/ mart_penempatan_layanan not built yet: run etl, or pass --per DATE.");
        var shown = LayananPublik.Rows(rows, min);
        ResultWriter.Write(output, shown.Where(r => kode is null || r.KodeUnit == kode).ToList(), fmt);
        if (fmt != OutputFormat.Table || rows.Count == 0) return;
        output.WriteLine($"Per {rows[0].TanggalAcuan:yyyy-MM-dd}, 12 bulan ({rows[0].PeriodeMulai:yyyy-MM-dd}, {rows[0].TanggalAcuan:yyyy-MM-dd}]. " +
                         "Beban = responden SKM per pegawai (proksi), rasio_beban terhadap median jenis_unit; median_tahun_unit = masa kerja di unit; " +
                         "IKM triwulan terakhir; cuti_median_hari_kerja = median waktu proses cuti (Kaplan–Meier, hari kerja, ≥ " + min + " pengajuan). " +
                         $"Unit < {min} pegawai: angka pegawai disembunyikan.");
        foreach (var k in LayananAnalysis.Correlations(shown, rows[0].TanggalAcuan))
            output.WriteLine(k.R is { } r
                ? $"r(IKM, {k.Variabel}) = {r:0.00} (IK 95% {k.CiLow:0.00} s.d. {k.CiHigh:0.00}; {k.NUnit} unit)."
                : $"r(IKM, {k.Variabel}): {k.Catatan}");
        output.WriteLine(IkmAssociation.Note);
    }
}
