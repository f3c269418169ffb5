using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// `kepegawaian demo`: the whole pipeline on a synthetic city — generate → etl (+ analytics
/// refresh) → what is in the warehouse → IKM, efficiency and training impact → weekly report and
/// dashboard snapshot into --out. Each step is the same command an operator would run, so the demo
/// shows exactly what the product does.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Folder hasil / output folder", DefaultValueFactory = _ => "out" };
        var employees = new Option<int>("--employees") { Description = "Jumlah pegawai sintetis / synthetic employees", DefaultValueFactory = _ => 15_000 };
        var seed = new Option<int>("--seed") { Description = "Benih acak / random seed", DefaultValueFactory = _ => 42 };
        var sources = new Option<bool>("--sources")
        {
            Description = "Bangkitkan pegawai dalam bentuk ekspor SIASN, riwayat jabatan/golongan/kursus/kinerja sebagai respons API SIASN, SKM dalam bentuk panjang dan cuti online sebagai ekspor e-Cuti " +
                          "(generate --as siasn,siasn-api,skm-long,ecuti), dimuat lewat profil sumber " +
                          "/ generate the pegawai snapshots as SIASN exports, the position/rank/course/appraisal histories as SIASN API responses, SKM in the long shape and online leave as e-Cuti exports, loaded through the source profiles",
        };
        var command = new Command("demo",
            "Demo lengkap dengan data sintetis Palembang: bangkitkan, muat, analisis, laporan. / End-to-end demo on synthetic Palembang data.")
        {
            outDir, employees, seed, sources,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var root = Path.GetFullPath(parse.GetValue(outDir)!);
            // The demo owns its warehouse: a real one (--db given) is never reset.
            var explicitDb = parse.GetResult(CommonOptions.Db) is { Implicit: false };
            var db = explicitDb ? Path.GetFullPath(parse.GetValue(CommonOptions.Db)!) : Path.Combine(root, "kepegawaian.duckdb");
            var inbox = Path.Combine(root, "inbox");
            if (explicitDb) RefuseRealWarehouse(db);
            Reset(inbox, explicitDb ? null : db);
            var endDate = CliClock.Today();
            var total = Stopwatch.StartNew();

            async Task Step(string title, params string[] args)
            {
                output.WriteLine();
                output.WriteLine($"== {title}");
                var sw = Stopwatch.StartNew();
                var code = await CliApp.RunAsync([.. args, "--db", db], output, error, ct);
                if (code != CliApp.Ok)
                    throw new OperatorException($"Langkah demo '{title}' gagal (kode {code}); lihat pesan di atas. / Demo step failed.");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   ({sw.Elapsed.TotalSeconds:0.0} s)"));
            }

            string[] generate =
            [
                "generate", "--out", inbox,
                "--employees", parse.GetValue(employees).ToString(CultureInfo.InvariantCulture),
                "--seed", parse.GetValue(seed).ToString(CultureInfo.InvariantCulture),
                "--end-date", endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--bad-rows", "0.01",
            ];
            // --sources: the same city as SIASN exports and API histories, long SKM files and e-Cuti exports; the source profiles turn
            // them back into the same warehouse (generate --as, README "Sumber data").
            if (parse.GetValue(sources)) generate = [.. generate, "--as", "siasn,siasn-api,skm-long,ecuti"];
            await Step(parse.GetValue(sources) ? "1. Data sintetis, bentuk sumber / synthetic inbox, source-shaped" : "1. Data sintetis / synthetic inbox", generate);
            using (var connection = new WarehouseDatabase(db).OpenAndMigrate())
                WarehouseInfo.MarkSynthetic(connection);
            await Step("2. ETL + penyegaran analitik / load + analytics refresh", "etl", "--inbox", inbox);
            var summaryWatch = Stopwatch.StartNew();
            WriteSummary(db, root, output);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   ({summaryWatch.Elapsed.TotalSeconds:0.0} s)"));
            await Step("4. IKM per unit, triwulan terakhir / citizen satisfaction, latest quarter", "ikm", "--by", "unit");
            await Step("5. Efisiensi cuti / leave processing efficiency", "efisiensi");
            await Step("6. Dampak diklat / training impact", "diklat");
            await Step("7. Laporan mingguan / weekly report", "report", "weekly", "--out", Path.Combine(root, "report"));
            output.WriteLine();
            output.WriteLine("== 8. Salinan dasbor / dashboard snapshot");
            var snapshot = Stopwatch.StartNew();
            var pages = await DashboardSnapshot.WriteAsync(db, Path.Combine(root, "dasbor"), ct, CliClock.Time, CliClock.Zone);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {pages.Count} halaman / pages → {Path.Combine(root, "dasbor")} ({snapshot.Elapsed.TotalSeconds:0.0} s)"));

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Selesai dalam {total.Elapsed.TotalSeconds:0.0} s. / Done."));
            output.WriteLine($"  Laporan / report:    {Path.Combine(root, "report")}  (buka / open the .html)");
            output.WriteLine($"  Dasbor / dashboard:  {Path.Combine(root, "dasbor", "dasbor-ikm.html")}");
            output.WriteLine($"  Ringkasan / summary: {Path.Combine(root, "summary.txt")}");
            output.WriteLine($"  Gudang / warehouse:  {db}");
            output.WriteLine($"  Jelajahi / explore:  kepegawaian ikm --db {db}   ·   kepegawaian serve --db {db}");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>15 000 made-up employees must never land in a real warehouse given by mistake as --db.</summary>
    private static void RefuseRealWarehouse(string db)
    {
        if (!File.Exists(db)) return;
        using var connection = new WarehouseDatabase(db).OpenAndMigrate();
        if (WarehouseInfo.HoldsRealData(connection))
            throw new OperatorException($"Gudang data '{db}' berisi data yang bukan dari demo; demo tidak memuat data sintetis ke sana. " +
                "Beri --db yang baru (atau kosong), atau jalankan demo tanpa --db. / The warehouse holds non-demo data; demo refuses to load synthetic data into it.");
    }

    private static void Reset(string inbox, string? db)
    {
        if (Directory.Exists(inbox)) Directory.Delete(inbox, recursive: true);
        Directory.CreateDirectory(inbox);
        if (db is null) return;
        File.Delete(db);
        File.Delete(db + ".wal");
    }

    /// <summary>Step 3: employees per unit, facts per entity and year, rejects by reason — printed and written to out/.</summary>
    private static void WriteSummary(string db, string root, TextWriter output)
    {
        WarehouseSummary summary;
        using (var connection = new WarehouseDatabase(db).Open(readOnly: true))
            summary = WarehouseSummary.Read(connection);

        var text = new StringWriter();
        var id = CultureInfo.GetCultureInfo("id-ID");
        text.WriteLine(string.Create(id, $"Pegawai per unit (10 terbesar dari {summary.EmployeesPerUnit.Count}; total {summary.EmployeesPerUnit.Sum(u => u.Pegawai):N0}) / employees per unit:"));
        ResultWriter.Write(text, summary.EmployeesPerUnit.Take(10).ToList(), OutputFormat.Table);
        text.WriteLine();
        text.WriteLine("Fakta per entitas dan tahun / facts per entity and year:");
        ResultWriter.Write(text, summary.FactsPerYear, OutputFormat.Table);
        text.WriteLine();
        text.WriteLine("Baris ditolak per alasan / rejected rows by reason:");
        ResultWriter.Write(text, summary.RejectsByReason, OutputFormat.Table);

        output.WriteLine();
        output.WriteLine("== 3. Isi gudang data / what is in the warehouse");
        output.Write(text.ToString());
        File.WriteAllText(Path.Combine(root, "summary.txt"), text.ToString());
        File.WriteAllText(Path.Combine(root, "summary.json"), JsonSerializer.Serialize(summary, ResultWriter.Json));
    }
}
