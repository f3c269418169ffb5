using System.Text;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>A migrated temp warehouse plus an inbox folder, with tiny valid files for every entity.</summary>
internal sealed class EtlTestBed : IDisposable
{
    public const string NipAhmad = "196711101992031001";  // PNS, born 1967-11-10, CPNS 1992-03, male
    public const string NipSiti = "198502142010012002";   // PNS, born 1985-02-14, CPNS 2010-01, female
    public const string NipBudi = "200012312024211001";   // PPPK, born 2000-12-31, TMT 2024, male

    public const string UnitCsv = """
        kode_unit,nama_unit,jenis_unit,kode_induk,populasi
        KEC01,Kecamatan Ilir Timur I,kecamatan,,70000
        KEL01,Kelurahan 20 Ilir D I,kelurahan,KEC01,12000
        DINKES,Dinas Kesehatan,dinas,,
        """;

    public const string PegawaiHeader = "nip,nama,jenis_kelamin,tanggal_lahir,status_kepegawaian,golongan,jenis_jabatan,nama_jabatan,kode_unit,pendidikan,tanggal_data";

    public const string PegawaiCsv = PegawaiHeader + """

        196711101992031001,Ahmad,L,1967-11-10,PNS,IV/a,administrator,Camat,KEC01,S2,2026-01-01
        198502142010012002,Siti,P,1985-02-14,PNS,III/c,fungsional,Dokter Ahli Muda,DINKES,S1,2026-01-01
        200012312024211001,Budi,L,2000-12-31,PPPK,IX,fungsional,Perawat,DINKES,D3,2026-01-01
        """;

    public const string MutasiHeader = "id_mutasi,nip,jenis_mutasi,tanggal_efektif,kode_unit_asal,kode_unit_tujuan,golongan_baru,jabatan_baru,nomor_sk";
    public const string MutasiCsv = MutasiHeader + """

        M1,196711101992031001,mutasi,2025-06-01,DINKES,KEC01,,Camat,800/123/BKPSDM/2025
        M2,200012312024211001,pengangkatan,2024-03-01,,DINKES,IX,Perawat,
        """;

    public const string DiklatHeader = "id_diklat,nip,kode_pelatihan,nama_pelatihan,jenis_pelatihan,tanggal_mulai,tanggal_selesai,jp,status,nilai_reaksi,nilai_pre_test,nilai_post_test";
    public const string DiklatCsv = DiklatHeader + """

        D1,196711101992031001,PKA-01,Pelatihan Kepemimpinan Administrator,manajerial,2026-02-01,2026-05-30,240,lulus,4.5,60,85
        D2,198502142010012002,TEK-07,Pelayanan Prima,teknis,2026-03-02,2026-03-04,24,lulus,,,
        """;

    public const string KinerjaHeader = "id_penilaian,nip,periode,hasil_kerja,perilaku_kerja,predikat,nilai_skp,kode_unit";
    public const string KinerjaCsv = KinerjaHeader + """

        K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,110,KEC01
        K2,198502142010012002,2026-03,sesuai,di_bawah,,,DINKES
        """;

    public const string CutiHeader = "id_pengajuan,nip,jenis_cuti,kanal,waktu_pengajuan,waktu_keputusan,status,tanggal_mulai,tanggal_selesai,lama_hari,kode_unit";
    public const string CutiCsv = CutiHeader + """

        C1,198502142010012002,tahunan,online,2026-04-01 08:30,2026-04-02 10:00:00,disetujui,2026-04-10,2026-04-14,3,DINKES
        C2,200012312024211001,sakit,manual,2026-04-03T09:00:00+08:00,,diajukan,2026-04-03,2026-04-03,1,DINKES
        """;

    public const string SkmHeader = "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran";
    public const string SkmCsv = SkmHeader + """

        R1,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,Antrian lama
        R2,KEL01,Akta Kelahiran,2026-05-03,3,3,3,4,3,3,3,3,3,L,51,SMA,PNS,
        """;

    public static readonly IReadOnlyDictionary<string, string> AllCsv = new Dictionary<string, string>
    {
        ["unit_kerja_2026.csv"] = UnitCsv, ["pegawai_2026-01.csv"] = PegawaiCsv, ["mutasi_2026.csv"] = MutasiCsv,
        ["diklat_2026.csv"] = DiklatCsv, ["kinerja_2026.csv"] = KinerjaCsv, ["cuti_2026.csv"] = CutiCsv, ["skm_2026.csv"] = SkmCsv,
    };

    private readonly TempWarehouse warehouse = new();

    public EtlTestBed(DateTimeOffset? now = null)
    {
        Inbox = warehouse.Folder.Sub("inbox");
        Time = new FixedTime(now ?? new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        Runner = new EtlRunner(warehouse.Database, Time);
    }

    public string Inbox { get; }
    public FixedTime Time { get; }
    public EtlRunner Runner { get; }
    public WarehouseDatabase Database => warehouse.Database;

    /// <summary>Writes a file into the inbox (UTF-8 without BOM unless <paramref name="bom"/>).</summary>
    public string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n", new UTF8Encoding(bom));
        return path;
    }

    /// <summary>Writes the unit and employee master data, the base every fact file needs.</summary>
    public void WriteMasters()
    {
        Write("unit_kerja_2026.csv", UnitCsv);
        Write("pegawai_2026-01.csv", PegawaiCsv);
    }

    public EtlRunSummary Run(EtlRequest? request = null) =>
        Runner.RunAsync(request ?? new EtlRequest(Inbox)).AsTask().GetAwaiter().GetResult();

    public T? Scalar<T>(string sql) => warehouse.Scalar<T>(sql);

    public List<object?[]> Rows(string sql)
    {
        using var c = warehouse.Open();
        return c.Rows(sql);
    }

    /// <summary>The rejects of one file as (line, column, reason) tuples, in line order.</summary>
    public List<(long Line, string? Column, string Reason)> Rejects(string fileName) =>
        Rows($"SELECT line_number, column_name, reason_code FROM etl_reject WHERE file_name = '{fileName}' ORDER BY line_number")
            .Select(r => ((long)r[0]!, (string?)r[1], (string)r[2]!)).ToList();

    public void Dispose() => warehouse.Dispose();
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
