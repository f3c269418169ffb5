using Kepegawaian.Etl.Synthetic;

namespace Kepegawaian.Etl.Tests.Synthetic;

public sealed class GeneratorDeterminismTests
{
    [Fact]
    public void Same_options_give_byte_identical_files()
    {
        using var a = new GeneratedInbox(badRows: 0.03, employees: 200, years: 2);
        using var b = new GeneratedInbox(badRows: 0.03, employees: 200, years: 2);
        Assert.Equal(a.Result.Files.Select(f => Path.GetFileName(f.Path)), b.Result.Files.Select(f => Path.GetFileName(f.Path)));
        foreach (var (fa, fb) in a.Result.Files.Zip(b.Result.Files))
            Assert.True(File.ReadAllBytes(fa.Path).AsSpan().SequenceEqual(File.ReadAllBytes(fb.Path)), $"{fa.Path} differs");
        Assert.Equal(a.Result.BadRowsByKind, b.Result.BadRowsByKind);
    }

    [Fact]
    public async Task Another_seed_gives_other_employees()
    {
        using var a = new GeneratedInbox(badRows: 0, employees: 50, years: 1);
        var dir = Path.Combine(Path.GetTempPath(), "kpg-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var other = await SyntheticGenerator.GenerateAsync(a.Options with { OutDir = dir, Seed = 8 });
            var p1 = File.ReadAllText(a.Files("pegawai").First().Path);
            var p2 = File.ReadAllText(other.Files.First(f => f.Entity == "pegawai").Path);
            Assert.NotEqual(p1, p2);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void One_file_per_entity_and_year_named_as_the_brief_says()
    {
        using var g = new GeneratedInbox(badRows: 0, employees: 20);
        var names = g.Result.Files.Select(f => Path.GetFileName(f.Path)).ToHashSet();
        string[] expected =
        [
            "unit_kerja_2026-06-30.csv", "pegawai_2024-01-01.csv", "pegawai_2025-01-01.csv", "pegawai_2026-01-01.csv", "pegawai_2026-06-30.csv",
            "mutasi_2024.csv", "mutasi_2025.csv", "mutasi_2026.csv", "diklat_2024.csv", "diklat_2026.csv",
            "kinerja_2025.csv", "cuti_2026.csv", "skm_2024.csv", "skm_2026.csv",
        ];
        foreach (var n in expected) Assert.Contains(n, names);
        Assert.Equal(1 + 4 + 5 * 3, names.Count);
        foreach (var f in g.Result.Files)
            Assert.Equal(File.ReadLines(f.Path).Count() - 1, f.Rows);
    }
}
