using DuckDB.NET.Data;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Ikm;

public sealed class IkmAssociationTests
{
    private static void Employee(DuckDBConnection c, string nip, string unit, string from = "2020-01-01", string to = "9999-12-31") =>
        c.Execute("""
            INSERT INTO dim_employee (nip, nama, nama_jabatan, kode_unit, valid_from, valid_to, is_current, tracked_hash, row_hash, source)
            VALUES ($nip, 'Pegawai', 'Analis', $unit, CAST($f AS DATE), CAST($t AS DATE), $cur, 0, 0, 'pegawai')
            """, ("nip", nip), ("unit", unit), ("f", from), ("t", to), ("cur", to == "9999-12-31"));

    private static void Training(DuckDBConnection c, string nip, int jp, string status = "lulus") =>
        c.Execute("""
            INSERT INTO fact_diklat VALUES ($id, $nip, 'K1', 'Kursus', 'teknis', DATE '2026-03-01', DATE '2026-03-05', $jp, $st, NULL, NULL, NULL, 0, 0)
            """, ("id", Guid.NewGuid().ToString()), ("nip", nip), ("jp", jp), ("st", status));

    private static void Appraisal(DuckDBConnection c, string nip, string unit, string month, double skp) =>
        c.Execute("""
            INSERT INTO fact_kinerja VALUES ($id, $nip, $p, 'bulanan', CAST($p || '-01' AS DATE), CAST($p || '-28' AS DATE),
                'sesuai', 'sesuai', 'Baik', 4, $skp, $unit, 0, 0, 'Baik')
            """, ("id", Guid.NewGuid().ToString()), ("nip", nip), ("p", month), ("skp", skp), ("unit", unit));

    [Fact]
    public void Ikm_beside_coverage_and_performance_with_fisher_interval()
    {
        // IKM (all-k surveys): U1 25, U2 50, U3 75, U4 100, U5 (all-2 + all-3) 62.5.
        // Coverage (2 staff each on 31 Dec 2026): U1 0 (E1a moved in from U4 mid-year; E1b 19 JP lulus + 10 JP
        // tidak lulus), U2 ½, U3 ½, U4 1, U5 ½ (exactly 20 JP counts).
        // x̄ = 62.5, ȳ = 0.5; Sxy = 37.5·0.5·2 = 37.5; Sxx = 2·37.5² + 2·12.5² = 3125; Syy = 0.5
        // r = 37.5 / √1562.5 = 3/√10 = 0.948683; z = atanh r = 1.818446; half = 1.959964/√2 = 1.385904
        // CI = [tanh 0.432542, tanh 3.204350] = [0.407444, 0.996711].
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var ikm = new Dictionary<string, int[]> { ["U1"] = [1], ["U2"] = [2], ["U3"] = [3], ["U4"] = [4], ["U5"] = [2, 3] };
        foreach (var (unit, values) in ikm)
        {
            SkmData.Unit(c, unit);
            foreach (var v in values) SkmData.Response(c, unit, "2026-04-01", SkmData.All(v));
        }
        Employee(c, "E1a", "U4", "2020-01-01", "2026-06-01");
        Employee(c, "E1a", "U1", "2026-06-01");
        Employee(c, "E1b", "U1");
        Training(c, "E1b", 19);
        Training(c, "E1b", 10, "tidak_lulus");
        foreach (var (unit, trained) in new[] { ("U2", 1), ("U3", 1), ("U4", 2), ("U5", 1) })
            for (var i = 0; i < 2; i++)
            {
                Employee(c, $"E{unit}{i}", unit);
                if (i < trained) Training(c, $"E{unit}{i}", unit == "U5" ? 20 : 40);
            }
        // U2 performance: EU20 appraised 80 and 100 (mean 90), EU21 70 → unit mean (90 + 70)/2 = 80
        Appraisal(c, "EU20", "U2", "2026-01", 80);
        Appraisal(c, "EU20", "U2", "2026-02", 100);
        Appraisal(c, "EU21", "U2", "2026-01", 70);

        var rows = IkmAssociation.Rows(c);
        Assert.Equal(5, rows.Count);
        var u1 = rows.Single(x => x.KodeUnit == "U1");
        Assert.Equal((2L, 0L, 0.0), (u1.NPegawai!.Value, u1.N20Jp!.Value, u1.Cakupan20Jp!.Value));
        Assert.Equal(2L, rows.Single(x => x.KodeUnit == "U4").NPegawai);
        Assert.Equal(0.5, rows.Single(x => x.KodeUnit == "U5").Cakupan20Jp);
        Assert.Equal(80.0, rows.Single(x => x.KodeUnit == "U2").RataNilaiSkp!.Value, 9);

        var cov = Assert.Single(IkmAssociation.Correlations(rows), x => x.Variabel == "cakupan_20jp");
        Assert.Equal(5, cov.NUnit);
        Assert.Equal(0.948683, cov.R!.Value, 6);
        Assert.Equal(0.407444, cov.CiLow!.Value, 6);
        Assert.Equal(0.996711, cov.CiHigh!.Value, 6);
        Assert.Contains("bukan hubungan sebab-akibat", cov.Catatan);
        // only U2 has nilai_skp: too few units for a correlation
        var skp = Assert.Single(IkmAssociation.Correlations(rows), x => x.Variabel == "rata_nilai_skp");
        Assert.Null(skp.R);
        Assert.Equal(1, skp.NUnit);

        IkmMarts.Refresh(c);
        Assert.Equal(0.948683, Math.Round(c.Scalar<double>("SELECT r FROM mart_ikm_korelasi WHERE variabel = 'cakupan_20jp'"), 6));
        Assert.Equal(5, c.Scalar<int>("SELECT count(*) FROM mart_ikm_asosiasi"));
    }
}
