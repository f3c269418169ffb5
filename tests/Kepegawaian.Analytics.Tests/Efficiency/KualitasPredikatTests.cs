using System.Text;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Efficiency;

/// <summary>
/// mart_kualitas_data.predikat_tidak_sesuai (issue 13 item 4): kinerja rows loaded under Etl:PredikatPolicy = KeepAndWarn
/// whose predikat contradicts the PermenPANRB 6/2022 matrix, per source and per unit, on the current facts.
/// Hand-built rows: K2 stores max(sesuai, di_bawah) = "Baik" where the matrix says Kurang/Misconduct.
/// </summary>
public sealed class KualitasPredikatTests
{
    private const string Unit = """
        kode_unit,nama_unit,jenis_unit,kode_induk,populasi
        KEC01,Kecamatan Ilir Timur I,kecamatan,,70000
        DINKES,Dinas Kesehatan,dinas,,
        """;

    private const string Pegawai = """
        nip,nama,jenis_kelamin,tanggal_lahir,status_kepegawaian,golongan,jenis_jabatan,nama_jabatan,kode_unit,pendidikan,tanggal_data
        196711101992031001,Ahmad,L,1967-11-10,PNS,IV/a,administrator,Camat,KEC01,S2,2026-01-01
        198502142010012002,Siti,P,1985-02-14,PNS,III/c,fungsional,Dokter Ahli Muda,DINKES,S1,2026-01-01
        200012312024211001,Budi,L,2000-12-31,PPPK,IX,fungsional,Perawat,DINKES,D3,2026-01-01
        """;

    private const string KinerjaHeader = "id_penilaian,nip,periode,hasil_kerja,perilaku_kerja,predikat,nilai_skp,kode_unit";

    private const string Kinerja = KinerjaHeader + """

        K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,110,KEC01
        K2,198502142010012002,2026-Q1,sesuai,di_bawah,Baik,80,DINKES
        K3,200012312024211001,2026-Q1,sesuai,sesuai,Hebat,,DINKES
        """;

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    }

    private static void Write(string inbox, string name, string text) =>
        File.WriteAllText(Path.Combine(inbox, name), text.ReplaceLineEndings("\n") + "\n", new UTF8Encoding(false));

    private static async Task<TempWarehouse> LoadAsync(PredikatPolicy policy)
    {
        var wh = new TempWarehouse();
        var inbox = wh.Folder.Sub("inbox");
        Write(inbox, "unit_kerja_2026.csv", Unit);
        Write(inbox, "pegawai_2026-01.csv", Pegawai);
        Write(inbox, "kinerja_2026-siasn.csv", Kinerja);
        await new EtlRunner(wh.Database, new Clock()).RunAsync(new EtlRequest(inbox) { PredikatPolicy = policy });
        return wh;
    }

    /// <summary>(tingkat, kode_unit) → predikat_tidak_sesuai of the kinerja rows of the refreshed mart.</summary>
    private static Dictionary<(string, string?), long?> Counts(TempWarehouse wh)
    {
        using var c = wh.Open();
        KualitasMarts.Refresh(c);
        return c.Rows("SELECT tingkat, kode_unit, predikat_tidak_sesuai FROM mart_kualitas_data WHERE sumber = 'kinerja'")
            .ToDictionary(r => ((string)r[0]!, (string?)r[1]), r => (long?)r[2]);
    }

    [Fact]
    public async Task Keep_and_warn_counts_the_one_contradicting_row_per_source_and_unit()
    {
        using var wh = await LoadAsync(PredikatPolicy.KeepAndWarn);

        var counts = Counts(wh);

        Assert.Equal(1L, counts[("sumber", null)]);
        Assert.Equal(1L, counts[("unit", "DINKES")]);
        Assert.Equal(0L, counts[("unit", "KEC01")]);
        using var c = wh.Open();
        // Other sources have no predikat: NULL, not 0.
        Assert.Equal(0, c.Scalar<long>("SELECT count(*) FROM mart_kualitas_data WHERE sumber <> 'kinerja' AND predikat_tidak_sesuai IS NOT NULL"));
    }

    [Fact]
    public async Task Reject_counts_none_and_a_later_correction_clears_the_count()
    {
        using (var rejected = await LoadAsync(PredikatPolicy.Reject))
            Assert.Equal(0L, Counts(rejected)[("sumber", null)]);

        using var wh = await LoadAsync(PredikatPolicy.KeepAndWarn);
        var inbox = Path.Combine(wh.Folder.Path, "inbox");
        Write(inbox, "kinerja_2026-siasn-koreksi.csv", KinerjaHeader + "\nK2,198502142010012002,2026-Q1,sesuai,di_bawah,Kurang/Misconduct,80,DINKES");
        await new EtlRunner(wh.Database, new Clock()).RunAsync(new EtlRequest(inbox));

        var counts = Counts(wh);
        Assert.Equal(0L, counts[("sumber", null)]);
        Assert.Equal(0L, counts[("unit", "DINKES")]);
    }
}
