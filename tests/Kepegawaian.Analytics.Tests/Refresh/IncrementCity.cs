using System.Text;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Kepegawaian.Warehouse.Domain;
using Microsoft.Extensions.Time.Testing;
using Opt = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Analytics.Tests.Refresh;

/// <summary>
/// A small generated city loaded and fully refreshed once, minus a few rows of each entity's latest file, which are
/// held back, with one correction of a loaded row, as that entity's increment file (a day's export: new rows and a fix).
/// Each test copies the warehouse, so the shared one is never written after <see cref="InitializeAsync"/>.
/// Two calendar years (2025, 2026), so the skm increment's backfilled 2024 surveys give Kirkpatrick level 4 a year
/// (2025) with the unit IKM on both sides.
/// </summary>
public sealed class IncrementCity : IAsyncLifetime
{
    public static readonly DateOnly EndDate = new(2026, 10, 31);
    public static readonly DateTimeOffset LoadTime = new(2026, 11, 1, 23, 0, 0, TimeSpan.Zero);
    private const int HeldBack = 5;

    private readonly TempFolder folder = TempFolder.Create("increment-city");

    public string Database => folder.File("base.duckdb");

    /// <summary>Per entity: the increment file's name and text, and how to see its correction landed (a count query that is 1 after).</summary>
    public Dictionary<string, (string Name, string Text, string Corrected)> Increments { get; } = [];

    public static AnalyticsRefresher Refresher(TimeProvider clock) => new(
        Opt.Create(new IkmOptions()), Opt.Create(new EfisiensiOptions()), Opt.Create(new KinerjaOptions()), Opt.Create(new DiklatOptions()),
        clock, penempatan: Opt.Create(new PenempatanOptions()));

    public async Task InitializeAsync()
    {
        var inbox = folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 150, Years = 2, Seed = 14, BadRows = 0, EndDate = EndDate });
        var newHires = new HashSet<string>(StringComparer.Ordinal);   // filled at pegawai, which Codes.Entities lists before every fact
        foreach (var entity in Codes.Entities)
        {
            var files = Directory.EnumerateFiles(inbox, $"{entity}_*.csv").Order(StringComparer.Ordinal).ToList();
            var latest = files[^1];
            var rows = Rfc4180.Parse(File.ReadAllText(latest), ',').Where(r => r.Count > 1).ToList();
            var header = rows[0];
            var body = rows.Skip(1).ToList();
            List<List<string>> fresh;
            if (entity == "unit_kerja")
            {
                // Every other entity refers to units: hold none back, add a new one instead.
                var unit = new List<string>(body[^1]);
                unit[header.IndexOf("kode_unit")] = "UJI-BARU";
                unit[header.IndexOf("nama_unit")] = "Unit Uji Baru";
                fresh = [unit];
            }
            else
            {
                // Not rows of a held-back employee: they would be rejected until the pegawai increment lands.
                var nip = header.IndexOf("nip");
                fresh = [.. body.Where(r => nip < 0 || !newHires.Contains(r[nip])).TakeLast(HeldBack)];
                body = [.. body.Except(fresh)];
            }
            if (entity == "pegawai")
            {
                // A snapshot per year: hold back employees new in the latest one, so they are new rows to the merge.
                var nip = header.IndexOf("nip");
                var known = files[..^1].SelectMany(f => Rfc4180.Parse(File.ReadAllText(f), ',').Skip(1).Where(r => r.Count > 1).Select(r => r[nip])).ToHashSet(StringComparer.Ordinal);
                body = [.. body, .. fresh];
                fresh = [.. body.Where(r => !known.Contains(r[nip])).TakeLast(HeldBack)];
                Assert.NotEmpty(fresh);
                newHires.UnionWith(fresh.Select(r => r[nip]));
                body = [.. body.Except(fresh)];
            }
            if (entity == "skm") fresh = [.. fresh, .. Backfill(header, body)];
            var (fixedRow, corrected) = Correct(entity, header, body[0]);
            File.WriteAllText(latest, Csv([header, .. body]));
            Increments[entity] = ($"{entity}_increment.csv", Csv([header, fixedRow, .. fresh]), corrected);
        }
        var database = new WarehouseDatabase(Database);
        var load = await new EtlRunner(database, new FakeTimeProvider(LoadTime)).RunAsync(new EtlRequest(inbox));
        Assert.Equal(EtlRunSummary.Succeeded, load.Status);
        using var c = database.Open();
        Refresher(new FakeTimeProvider(LoadTime)).Refresh(c);
        c.Execute("CHECKPOINT");   // each test copies the file alone, without a WAL
    }

    /// <summary>One changed column of a loaded row (a correction the merge must apply), and the query that finds it.</summary>
    private static (List<string> Row, string Corrected) Correct(string entity, List<string> header, List<string> row)
    {
        var fixedRow = new List<string>(row);
        string Old(string column) => row[header.IndexOf(column)];
        string Set(string column, string value)
        {
            fixedRow[header.IndexOf(column)] = value;
            return value;
        }
        var corrected = entity switch
        {
            "unit_kerja" => $"SELECT count(*) FROM dim_unit WHERE kode_unit = '{Old("kode_unit")}' AND populasi = {Set("populasi", "5000")}",
            // A tracked column: a new SCD2 version from the snapshot's date.
            "pegawai" => $"SELECT count(*) FROM dim_employee WHERE nip = '{Old("nip")}' AND nama_jabatan = '{Set("nama_jabatan", "Analis Uji Koreksi")}'",
            "mutasi" => $"SELECT count(*) FROM fact_mutasi WHERE id_mutasi = '{Old("id_mutasi")}' AND nomor_sk = '{Set("nomor_sk", "KOREKSI/1/2026")}'",
            "diklat" => $"SELECT count(*) FROM fact_diklat WHERE id_diklat = '{Old("id_diklat")}' AND jp = {Set("jp", Old("jp") == "17" ? "18" : "17")}",
            "kinerja" => $"SELECT count(*) FROM fact_kinerja WHERE id_penilaian = '{Old("id_penilaian")}' AND nilai_skp = {Set("nilai_skp", "77.5")}",
            // Two columns: the channel (efisiensi's online share) and the length (kinerja's leave feature, patched by kinerja_cuti).
            "cuti" => $"SELECT count(*) FROM fact_cuti WHERE id_pengajuan = '{Old("id_pengajuan")}' AND kanal = '{Set("kanal", Old("kanal") == "online" ? "manual" : "online")}'"
                + $" AND lama_hari = {Set("lama_hari", (int.Parse(Old("lama_hari"), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}",
            "skm" => $"SELECT count(*) FROM fact_skm WHERE id_responden = '{Old("id_responden")}' AND u1 = {Set("u1", Old("u1") == "1" ? "4" : "1")}",
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "an entity this fixture does not know: add its correction"),
        };
        return (fixedRow, corrected);
    }

    /// <summary>
    /// A late 2024 survey of every unit (three respondents each, answers all 1): the unit IKM of 2024, which with 2026
    /// gives each unit an IKM change around 2025 — Kirkpatrick level 4 (ikm_change) has no number before this load
    /// (no survey year before 2025) and one after it for every group some unit largely completed in 2025.
    /// </summary>
    private static IEnumerable<List<string>> Backfill(List<string> header, List<List<string>> body) =>
        body.GroupBy(r => r[header.IndexOf("kode_unit")]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany((g, i) => Enumerable.Range(0, 3).Select(k =>
            {
                var row = new List<string>(g.First());
                row[header.IndexOf("id_responden")] = $"UJI-2024-{i:D3}-{k}";
                row[header.IndexOf("tanggal_survei")] = "2024-06-15";
                foreach (var u in Enumerable.Range(1, 9)) row[header.IndexOf($"u{u}")] = "1";
                return row;
            }));

    private static string Csv(IEnumerable<List<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
            sb.Append(string.Join(',', row.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f))).Append("\r\n");
        return sb.ToString();
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
