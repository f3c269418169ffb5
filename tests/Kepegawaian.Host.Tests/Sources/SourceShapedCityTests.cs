using System.Text;
using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Sources;

/// <summary>
/// Issue 13 item 5: <c>generate --as siasn,skm-long,ecuti</c> writes the same synthetic city in the sources' shapes, and the
/// shipped source profiles load it into the same warehouse as the contract-shaped files.
/// </summary>
public sealed class SourceShapedCityTests
{
    private static readonly string[] City = ["--employees", "300", "--years", "1", "--seed", "11", "--end-date", "2026-06-30"];

    [Fact]
    public async Task The_source_shaped_city_loads_into_the_same_warehouse_as_the_contract_shaped_one()
    {
        using var folder = TempFolder.Create("genas");
        var contract = await GeneratedCity.GenerateAndLoad(folder, "kontrak", City, []);
        var sources = await GeneratedCity.GenerateAndLoad(folder, "sumber", City, ["--as", "siasn,skm-long,ecuti"]);
        var sourceInbox = Path.Combine(folder.Path, "sumber", "inbox", "processed");
        Assert.NotEmpty(Directory.GetFiles(sourceInbox, "siasn-pegawai_*.csv"));
        Assert.NotEmpty(Directory.GetFiles(sourceInbox, "skm-long_*.csv"));
        Assert.NotEmpty(Directory.GetFiles(sourceInbox, "ecuti_*.csv"));
        Assert.Empty(Directory.GetFiles(sourceInbox, "pegawai_*.csv"));
        Assert.Empty(Directory.GetFiles(sourceInbox, "skm_*.csv"));
        // Paper requests never pass through the e-Cuti application: they stay in the contract's cuti files.
        Assert.NotEmpty(Directory.GetFiles(sourceInbox, "cuti_*.csv"));
        // The mapping files are reference data: read, never loaded or moved.
        Assert.True(File.Exists(Path.Combine(folder.Path, "sumber", "inbox", "ecuti-pegawai.csv")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "sumber", "inbox", "ecuti-atasan.csv")));
        Assert.True(WarehouseFingerprint.Scalar(sources, "SELECT count(*) FROM fact_cuti WHERE kanal = 'online'") > 100);
        Assert.Equal(0, WarehouseFingerprint.Scalar(sources, "SELECT count(*) FROM etl_file WHERE status IN ('failed', 'ignored')"));

        // Left out on purpose, each for a reason that is the shape itself, not a loss of data:
        //  - etl_file(loaded): file names, hashes and rows_read differ by design (one SKM file per unit and year,
        //    one row per answer; siasn-pegawai_… instead of pegawai_…).
        //  - fact_skm / fact_skm_history are compared below without saran (and row_hash, which covers saran).
        //  - hr_pns_id: the SIASN export carries a PNS ID per employee (kept for rw-skp22), a contract file none.
        // fact_cuti is compared whole, nothing excluded: every contract column comes back from the e-Cuti export
        // (waktu_pengajuan from tgl written with its time, waktu_keputusan from the audit column updated_at, lama_hari
        // recounted from mulai..selesai in working days while jml_hari carries the app's calendar days, NIP and unit
        // through the mapping files; see EcutiShape).
        //  - mart_kualitas_data is compared below without its unit_kerja source row: each SIASN export is also read as
        //    unit_kerja (its UNOR columns, siasn-pegawai.json "also"), so more unit rows are read; all of them unchanged.
        string[] byShape = ["etl_file(loaded)", "fact_skm", "fact_skm_history", "hr_pns_id", "mart_kualitas_data"];
        var expected = WarehouseFingerprint.Of(contract).Where(t => !byShape.Contains(t.Name)).ToList();
        var actual = WarehouseFingerprint.Of(sources).Where(t => !byShape.Contains(t.Name)).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(expected, t => t.Name == "dim_employee" && t.Rows > 300);
        Assert.Contains(expected, t => t.Name == "fact_kinerja" && t.Rows > 0);
        Assert.Contains(expected, t => t.Name == "fact_cuti" && t.Rows > 300);
        const string kualitas = "SELECT * FROM mart_kualitas_data WHERE sumber <> 'unit_kerja'";
        Assert.Equal(WarehouseFingerprint.Of(contract, "mart_kualitas_data", kualitas), WarehouseFingerprint.Of(sources, "mart_kualitas_data", kualitas));
        // The export's units are the contract file's (code, name, jenis read from the name), so none is new or changed.
        Assert.Equal(0, WarehouseFingerprint.Scalar(sources,
            "SELECT count(*) FROM etl_file WHERE entity = 'unit_kerja' AND file_name LIKE 'siasn-pegawai%' AND (rows_loaded > 0 OR rows_rejected > 0 OR rows_unchanged = 0)"));
        Assert.True(WarehouseFingerprint.Scalar(sources, "SELECT count(*) FROM etl_file WHERE entity = 'unit_kerja' AND file_name LIKE 'siasn-pegawai%'") >= 2);

        // saran does not round-trip: skm-long.json maps no suggestion column (the long application's export has
        // none we know of), so the generator cannot write it and the source-shaped warehouse has none.
        const string skm = "SELECT * EXCLUDE (etl_file_id, row_hash, saran) FROM fact_skm";
        var skmContract = WarehouseFingerprint.Of(contract, "fact_skm", skm);
        Assert.True(skmContract.Rows > 1000, $"{skmContract.Rows} SKM respondents");
        Assert.Equal(skmContract, WarehouseFingerprint.Of(sources, "fact_skm", skm));
        Assert.True(WarehouseFingerprint.Scalar(contract, "SELECT count(saran) FROM fact_skm") > 0);
        Assert.Equal(0, WarehouseFingerprint.Scalar(sources, "SELECT count(saran) FROM fact_skm"));

        // The marts built from both warehouses agree as well (mart_kualitas_data without its unit_kerja row, as above).
        var kualitasBuilt = "SELECT * FROM mart_kualitas_data WHERE sumber <> 'unit_kerja'";
        Assert.Equal(WarehouseFingerprint.Marts(contract).Where(t => t.Name != "mart_kualitas_data"),
            WarehouseFingerprint.Marts(sources).Where(t => t.Name != "mart_kualitas_data"));
        Assert.Equal(WarehouseFingerprint.Of(contract, "mart_kualitas_data", kualitasBuilt), WarehouseFingerprint.Of(sources, "mart_kualitas_data", kualitasBuilt));
        // Every employee of the SIASN snapshots has a PNS ID in the crosswalk.
        Assert.Equal(WarehouseFingerprint.Scalar(sources, "SELECT count(DISTINCT nip) FROM dim_employee WHERE source = 'pegawai'"),
            WarehouseFingerprint.Scalar(sources, "SELECT count(*) FROM hr_pns_id"));
    }

    [Fact]
    public async Task No_fake_personal_value_of_the_source_files_reaches_the_warehouse_file()
    {
        using var folder = TempFolder.Create("genas-pii");
        var db = await GeneratedCity.GenerateAndLoad(folder, "sumber", City, ["--as", "siasn,skm-long,ecuti"]);
        var processed = Path.Combine(folder.Path, "sumber", "inbox", "processed");
        var needles = new SortedSet<string>(StringComparer.Ordinal);
        string? keptNip = null;
        foreach (var file in Directory.GetFiles(processed, "siasn-pegawai_*.csv"))
            foreach (var row in Rfc4180.Parse(File.ReadAllText(file), ',').Skip(1))
            {
                // NIK, NOMOR HP, EMAIL, ALAMAT (header order written by the generator: the last four columns).
                needles.Add(row[^4].TrimStart('\''));
                needles.Add(row[^3]);
                needles.Add(row[^2]);
                keptNip ??= row[0].TrimStart('\'');
            }
        foreach (var file in Directory.GetFiles(processed, "skm-long_*.csv").Take(5))
            foreach (var row in Rfc4180.Parse(File.ReadAllText(file), ',').Skip(1).Take(100))
            {
                needles.Add(row[^3]); // namaresponden
                needles.Add(row[^2]); // nohp
                needles.Add(row[^1]); // nik
            }
        foreach (var file in Directory.GetFiles(processed, "ecuti_*.csv"))
            foreach (var row in Rfc4180.Parse(File.ReadAllText(file), ',').Skip(1).Take(200))
            {
                needles.Add(row[4]);  // alasan
                needles.Add(row[9]);  // alamat
                needles.Add(row[10]); // telp
            }
        foreach (var row in Rfc4180.Parse(File.ReadAllText(Path.Combine(folder.Path, "sumber", "inbox", "ecuti-pegawai.csv")), ',').Skip(1))
            needles.Add(row[2]); // nama
        Assert.Contains(needles, n => n.StartsWith("0815", StringComparison.Ordinal));
        Assert.Contains(needles, n => n.StartsWith("Pegawai Palsu", StringComparison.Ordinal));
        Assert.True(needles.Count > 600, $"{needles.Count} fake values");
        Assert.Contains(needles, n => n.StartsWith("1671", StringComparison.Ordinal) && n.Length == 16);

        var bytes = File.ReadAllBytes(db);
        if (File.Exists(db + ".wal")) bytes = [.. bytes, .. File.ReadAllBytes(db + ".wal")];
        // The same scan finds a value that is kept (the control: a byte search that finds nothing proves nothing otherwise).
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(keptNip!)) >= 0, "control: a kept NIP is found in the warehouse bytes");
        var found = needles.Where(n => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0).ToList();
        Assert.Empty(found);
    }

    [Fact]
    public async Task An_unknown_shape_is_refused_before_anything_is_written()
    {
        using var folder = TempFolder.Create("genas-unknown");
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["generate", "--out", folder.Sub("inbox"), .. City, "--as", "siasn,e-cuti"], new StringWriter(), error);
        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("'e-cuti' tidak dikenal", error.ToString());
        Assert.Contains("ecuti", error.ToString());
        Assert.Empty(Directory.GetFiles(folder.Sub("inbox")));
    }
}
