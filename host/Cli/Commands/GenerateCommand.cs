using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kepegawaian.Etl.Synthetic;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian generate`: writes a deterministic synthetic Palembang inbox (spec §3, §5).</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Folder tujuan berkas inbox / output folder for the inbox files", Required = true };
        var employees = new Option<int>("--employees") { Description = "Jumlah pegawai / number of employees", DefaultValueFactory = _ => 15_000 };
        var years = new Option<int>("--years") { Description = "Jumlah tahun kalender sampai --end-date / calendar years up to --end-date", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Benih acak; benih sama = berkas sama / random seed; same seed = same files", DefaultValueFactory = _ => 42 };
        var badRows = new Option<double>("--bad-rows") { Description = "Fraksi 0..1 baris rusak yang disisipkan / fraction 0..1 of malformed rows mixed in", DefaultValueFactory = _ => 0 };
        var endDate = new Option<string?>("--end-date") { Description = "Hari terakhir data, YYYY-MM-DD (bawaan: hari ini menurut Schedule:TimeZone) / last day covered (default: today in Schedule:TimeZone)" };
        var placement = new Option<bool>("--placement-signals")
        {
            Description = "Sisipkan sinyal penempatan (gelombang pensiun, unit tanpa rotasi, unit kekurangan pegawai; InjectedEffects) / inject the placement signals of issue 15",
        };

        var shapes = new Option<string?>("--as")
        {
            Description = "Tulis dalam bentuk sumber (profil etl/Profiles): siasn (pegawai), skm-long (SKM), ecuti (cuti online + berkas pemetaan), " +
                          "siasn-api (riwayat jabatan, golongan, kursus, SKP sebagai JSONL API SIASN; termasuk siasn); dipisah koma " +
                          "/ write these entities in a source's shape (siasn, skm-long, ecuti, siasn-api; comma-separated)",
        };

        var cmd = new Command("generate", "Membuat data sintetis Kota Palembang untuk inbox. / Write synthetic Kota Palembang inbox files.")
        {
            outDir, employees, years, seed, badRows, endDate, placement, shapes,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            var options = new GeneratorOptions
            {
                OutDir = pr.GetValue(outDir)!,
                Employees = Check(pr.GetValue(employees), 1, 10_000_000, "--employees"),
                Years = Check(pr.GetValue(years), 1, 30, "--years"),
                Seed = pr.GetValue(seed),
                BadRows = CheckFraction(pr.GetValue(badRows)),
                EndDate = ParseEndDate(pr.GetValue(endDate)),
                PlacementSignals = pr.GetValue(placement),
                SourceShapes = ParseShapes(pr.GetValue(shapes)),
            };
            var output = pr.InvocationConfiguration.Output;
            var watch = Stopwatch.StartNew();
            var result = await SyntheticGenerator.GenerateAsync(options, ct);
            watch.Stop();

            var rows = result.Files.Select(f => new FileRow(Path.GetFileName(f.Path), f.Entity, f.Year, f.Rows, f.BadRows)).ToList();
            ResultWriter.Write(output, rows, OutputFormat.Table);
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Files.Count} berkas / files, {result.Files.Sum(f => f.Rows)} baris / rows, {result.Files.Sum(f => f.BadRows)} baris rusak / bad rows → {Path.GetFullPath(options.OutDir)} ({watch.Elapsed.TotalSeconds:0.0} s)"));
            foreach (var (kind, count) in result.BadRowsByKind)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind}: {count}"));
            return CliApp.Ok;
        });
        return cmd;
    }

    private sealed record FileRow(string File, string Entity, int Year, long Rows, long BadRows);

    private static int Check(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new UsageException($"{name} harus {min}…{max} / must be {min}…{max}: {value}");

    private static double CheckFraction(double value) =>
        value is >= 0 and <= 1 ? value : throw new UsageException($"--bad-rows harus pecahan 0…1 / must be a fraction 0…1: {value}");

    private static IReadOnlySet<string> ParseShapes(string? text)
    {
        if (text is null) return new HashSet<string>();
        try
        {
            var shapes = SourceShapes.Parse([text]);
            return shapes.Count > 0 ? shapes : throw new UsageException($"--as kosong; pilihan: {string.Join(", ", SourceShapes.Supported)} / --as is empty");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static DateOnly ParseEndDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CliClock.Today();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--end-date harus YYYY-MM-DD / must be YYYY-MM-DD: {text}");
    }
}
