using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Etl.Tests.Etl;
using Kepegawaian.Testing;

namespace Kepegawaian.Etl.Tests.Synthetic;

/// <summary>
/// Issue 13: units read from the UNOR columns of generated SIASN exports (<c>generate --as siasn</c>) are the contract
/// unit_kerja's, as far as the export carries them: code, name and jenis (kode_induk and populasi are not in the export).
/// </summary>
public sealed class SiasnUnitEquivalenceTests
{
    [Fact]
    public async Task Units_from_the_siasn_exports_alone_equal_the_contract_units_they_name()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kpg-unor-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new GeneratorOptions
            {
                OutDir = dir, Employees = 150, Years = 1, Seed = 5, EndDate = GeneratedInbox.EndDate,
                SourceShapes = new HashSet<string> { SourceShapes.Siasn },
            };
            var result = await SyntheticGenerator.GenerateAsync(options);
            var exports = result.Files.Where(f => Path.GetFileName(f.Path).StartsWith("siasn-pegawai_", StringComparison.Ordinal)).ToList();
            Assert.True(exports.Count >= 2);
            var named = exports.SelectMany(f => Csv.Read(f.Path).Rows).Select(r => r["UNOR ID"]).ToHashSet(StringComparer.Ordinal);
            var time = new FixedTime(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));

            // The contract side: the generated unit_kerja file alone.
            using var contract = new TempWarehouse();
            var contractInbox = contract.Folder.Sub("inbox");
            var unitFile = Assert.Single(result.Files, f => f.Entity == "unit_kerja");
            File.Copy(unitFile.Path, Path.Combine(contractInbox, Path.GetFileName(unitFile.Path)));
            await new EtlRunner(contract.Database, time).RunAsync(new EtlRequest(contractInbox));

            // The source side: the SIASN exports alone, no unit_kerja file — every unit comes from the UNOR columns.
            using var sources = new TempWarehouse();
            var sourceInbox = sources.Folder.Sub("inbox");
            foreach (var f in exports) File.Copy(f.Path, Path.Combine(sourceInbox, Path.GetFileName(f.Path)));
            var summary = await new EtlRunner(sources.Database, time).RunAsync(new EtlRequest(sourceInbox));

            Assert.All(summary.Files, f => Assert.Equal((EtlFileSummary.Loaded, 0L), (f.Status, f.RowsRejected)));
            const string units = "SELECT kode_unit, nama_unit, jenis_unit FROM dim_unit ORDER BY kode_unit";
            List<object?[]> Rows(TempWarehouse w) { using var c = w.Open(); return c.Rows(units); }
            var expected = Rows(contract).Where(r => named.Contains((string)r[0]!)).ToList();
            Assert.Equal(named.Count, expected.Count); // every UNOR the exports name is a contract unit
            Assert.True(expected.Count > 10, $"{expected.Count} units");
            Assert.Equal(expected, Rows(sources));
            Assert.Equal(0L, sources.Scalar<long>("SELECT count(*) FROM dim_unit WHERE kode_induk IS NOT NULL OR populasi IS NOT NULL"));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
