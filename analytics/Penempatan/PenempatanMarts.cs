using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>
/// Rebuilds the placement marts (mart_pensiun, mart_pensiun_gelombang, mart_masa_kerja, mart_mutasi_tahunan, mart_beban; schema
/// <c>Sql/marts/penempatan_09_schema.sql</c>; mart_penempatan_layanan, <c>penempatan_layanan_schema.sql</c>; mart_kesesuaian and mart_formasi,
/// <c>penempatan_10_komposisi_schema.sql</c>) in one transaction, at <see cref="PenempatanAnalysis.ReferenceDate"/>.
/// Counts are stored as they are: small-cell suppression is the reader's job (<see cref="PenempatanPublik"/>).
/// </summary>
public static class PenempatanMarts
{
    /// <param name="efisiensi">The working calendar of the leave times in mart_penempatan_layanan (as mart_cuti_waktu); null = the shipped one.</param>
    public static PenempatanResult? Refresh(DuckDBConnection connection, PenempatanOptions? options = null, CancellationToken cancellationToken = default,
        Efficiency.EfisiensiOptions? efisiensi = null)
    {
        options ??= new PenempatanOptions();
        var rules = BupRules.Load(options);
        var acuan = PenempatanAnalysis.ReferenceDate(connection, options);
        var result = acuan is { } a ? PenempatanAnalysis.Compute(connection, a, options, rules) : null;
        var beban = acuan is { } b ? BebanAnalysis.Compute(connection, b, options) : [];
        var layanan = result is not null ? LayananAnalysis.Compute(connection, result.TanggalAcuan, beban, result, efisiensi) : [];
        var komposisi = acuan is { } k ? KomposisiAnalysis.Compute(connection, k, options) : null;
        cancellationToken.ThrowIfCancellationRequested();
        using var tx = connection.BeginTransaction();
        MartSql.Run(connection, "penempatan_", cancellationToken);
        if (result is not null)
        {
            MartWriter.Replace(connection, "mart_pensiun", result.Pensiun, x => [
                x.TanggalAcuan, x.KodeUnit, x.NamaUnit, x.Kelompok, x.Bup, x.Pegawai, x.TahunKe, x.PeriodeMulai, x.PeriodeSelesai,
                x.Pensiun, x.PensiunKumulatif, x.ShareKumulatif, x.TanpaBup]);
            MartWriter.Replace(connection, "mart_pensiun_gelombang", result.Gelombang, x => [
                x.TanggalAcuan, x.KodeUnit, x.NamaUnit, x.Kelompok, x.Bup, x.Dasar, x.Pegawai, x.BatasTanggal, x.PensiunJendela, x.ShareJendela,
                x.Gelombang, x.LewatBup, x.TanpaBup]);
            MartWriter.Replace(connection, "mart_masa_kerja", result.MasaKerja, x => [
                x.TanggalAcuan, x.KodeUnit, x.NamaUnit, x.Pegawai, x.MedianTahunUnit, x.NUnitLebih5, x.ShareUnitLebih5, x.MedianTahunJabatan,
                x.NJabatanLebih5, x.ShareJabatanLebih5, x.NSejakTmt, x.RotasiTerakhir, x.TahunSejakRotasi, x.TanpaRotasi,
                x.Masuk12Bulan, x.Keluar12Bulan, x.Pensiun12Bulan, x.Berhenti12Bulan]);
            MartWriter.Replace(connection, "mart_beban", beban, x => [
                x.TanggalAcuan, x.PeriodeMulai, x.KodeUnit, x.NamaUnit, x.JenisUnit, x.Pegawai, x.RespondenSkm, x.PengajuanCuti, x.Populasi,
                x.RespondenPerPegawai, x.CutiPerPegawai, x.PopulasiPerPegawai, x.Dinilai, x.UnitSebanding, x.MedianRespondenPerPegawai, x.RasioMedian,
                x.MedianPopulasiPerPegawai, x.RasioMedianPopulasi, x.Kategori, x.TambahanPegawaiKeMedian]);
            MartWriter.Replace(connection, "mart_penempatan_layanan", layanan, x => [
                x.TanggalAcuan, x.PeriodeMulai, x.KodeUnit, x.NamaUnit, x.JenisUnit, x.Pegawai, x.RespondenPerPegawai, x.RasioBeban, x.KategoriBeban,
                x.MedianTahunUnit, x.IkmPeriode, x.Ikm, x.IkmResponden, x.CutiN, x.CutiMedianHariKerja, x.Catatan]);
            MartWriter.Replace(connection, "mart_mutasi_tahunan", result.MutasiTahunan, x => [x.KodeUnit, x.Tahun, x.JenisMutasi, x.Arah, x.N]);
            KomposisiAnalysis.Write(connection, komposisi!);
        }
        tx.Commit();
        return result;
    }
}
