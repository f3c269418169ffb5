using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Sources;

/// <summary>
/// Issue 13 item 5 for the SIASN API histories: <c>generate --as siasn-api</c> writes the city's mutasi, diklat and
/// kinerja as rw-jabatan, rw-golongan, rw-kursus, rw-skp22 and rw-kinerjaperiodik JSONL (plus the SIASN pegawai export
/// whose PNS IDs rw-skp22 needs), and the shipped profiles land the same facts as the contract-shaped load of the same seed.
/// </summary>
public sealed class SiasnApiCityTests
{
    private static readonly string[] City = ["--employees", "400", "--years", "2", "--seed", "13", "--end-date", "2026-06-30"];

    [Fact]
    public async Task The_api_histories_land_the_same_mutasi_diklat_and_kinerja_as_the_contract_files()
    {
        using var folder = TempFolder.Create("genas-api");
        var contract = await GeneratedCity.GenerateAndLoad(folder, "kontrak", City, ["--as", "siasn"]);
        var api = await GeneratedCity.GenerateAndLoad(folder, "api", City, ["--as", "siasn-api"]);
        var processed = Path.Combine(folder.Path, "api", "inbox", "processed");
        foreach (var endpoint in new[] { "jabatan", "golongan", "kursus", "skp22", "kinerjaperiodik" })
            Assert.True(File.Exists(Path.Combine(processed, $"siasn-rw-{endpoint}_kota.jsonl")), endpoint);
        Assert.Empty(Directory.GetFiles(processed, "kinerja_*.csv"));
        Assert.Equal(0, WarehouseFingerprint.Scalar(api, "SELECT count(*) FROM etl_file WHERE status IN ('failed', 'ignored')"));
        Assert.Equal(0, WarehouseFingerprint.Scalar(api, "SELECT count(*) FROM etl_reject"));
        // Each history's opening entry is skipped by siasn-rw-jabatan.json (the appointment is rw-golongan's): one per employee with a history.
        Assert.True(WarehouseFingerprint.Scalar(api, "SELECT count(*) FROM etl_warning WHERE message LIKE '% baris dilewati menurut aturan skip profil siasn-rw-jabatan.json%'") == 1);

        // What the API cannot carry, each named with its reason; everything else is compared whole:
        //  - fact_kinerja.nilai_skp: SKP 2022 has no numeric score (rw-skp22, rw-kinerjaperiodik), so it stays empty.
        //  - fact_diklat.nilai_reaksi/pre/post_test: rw-kursus carries no evaluation scores. (Trainings it cannot carry
        //    at all — latsar, e-learning, not passed — stay in the contract's diklat files and compare whole.)
        //  - fact_mutasi of a pengangkatan: kode_unit_asal and jabatan_baru. rw-golongan's CPNS/PPPK entry has no jabatan and
        //    its profile fills both units from the history (a contract appointment has no asal); the jabatan history's
        //    opening entry is skipped so the appointment is counted once. row_hash covers those columns.
        //  - pensiun and berhenti stay contract rows (rw-pemberhentian is not read: no NIP, unpublished codes).
        (string Name, string Sql)[] compared =
        [
            ("fact_kinerja", "SELECT * EXCLUDE (etl_file_id, row_hash, nilai_skp) FROM fact_kinerja"),
            ("fact_diklat", "SELECT * EXCLUDE (etl_file_id, row_hash, nilai_reaksi, nilai_pre_test, nilai_post_test) FROM fact_diklat"),
            ("fact_mutasi", "SELECT * EXCLUDE (etl_file_id) FROM fact_mutasi WHERE jenis_mutasi <> 'pengangkatan'"),
            ("fact_mutasi(pengangkatan)", "SELECT * EXCLUDE (etl_file_id, row_hash, kode_unit_asal, jabatan_baru) FROM fact_mutasi WHERE jenis_mutasi = 'pengangkatan'"),
        ];
        foreach (var (name, sql) in compared)
        {
            var expected = WarehouseFingerprint.Of(contract, name, sql);
            Assert.True(expected.Rows > 0, name);
            Assert.Equal(expected, WarehouseFingerprint.Of(api, name, sql));
        }
        // The comparison covers every kind of event the API carries.
        foreach (var jenis in new[] { "pengangkatan", "mutasi", "promosi", "kenaikan_pangkat" })
            Assert.True(WarehouseFingerprint.Scalar(api, $"SELECT count(*) FROM fact_mutasi WHERE jenis_mutasi = '{jenis}' AND id_mutasi LIKE 'MUT-%'") > 0, jenis);
        Assert.Equal(0, WarehouseFingerprint.Scalar(api, "SELECT count(nilai_skp) FROM fact_kinerja"));
        // ... and the rows did come through the API files, not through contract files.
        foreach (var (fact, file) in new[] { ("fact_mutasi", "siasn-rw-jabatan_kota.jsonl"), ("fact_mutasi", "siasn-rw-golongan_kota.jsonl"),
                     ("fact_diklat", "siasn-rw-kursus_kota.jsonl"), ("fact_kinerja", "siasn-rw-skp22_kota.jsonl"), ("fact_kinerja", "siasn-rw-kinerjaperiodik_kota.jsonl") })
            Assert.True(WarehouseFingerprint.Scalar(api, $"SELECT count(*) FROM {fact} JOIN etl_file f ON f.file_id = etl_file_id WHERE f.file_name = '{file}'") > 0, file);
    }
}
