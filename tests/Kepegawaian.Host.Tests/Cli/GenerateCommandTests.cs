using Kepegawaian.Service.Cli;

namespace Kepegawaian.Host.Tests.Cli;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_writes_the_inbox_and_lists_files_with_row_counts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kpg-cli-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new StringWriter();
            var code = await CliApp.RunAsync(["generate", "--out", dir, "--employees", "20", "--years", "1", "--end-date", "2026-03-31"], output, new StringWriter());
            Assert.Equal(CliApp.Ok, code);
            Assert.True(File.Exists(Path.Combine(dir, "pegawai_2026-03-31.csv")));
            Assert.Contains("unit_kerja_2026-03-31.csv", output.ToString());
            Assert.Contains("kinerja_2026.csv", output.ToString());
            // unit_kerja always has 34 perangkat daerah + 18 kecamatan + 107 kelurahan = 159 rows.
            Assert.Matches(@"unit_kerja_2026-03-31\.csv\s+unit_kerja\s+2026\s+159\s", output.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("--bad-rows", "1.5")]
    [InlineData("--end-date", "30/06/2026")]
    [InlineData("--employees", "0")]
    [InlineData("--as", "simpeg")]
    [InlineData("--as", ",")]
    public async Task Bad_values_are_usage_errors(string option, string value)
    {
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["generate", "--out", Path.GetTempPath(), option, value], new StringWriter(), error);
        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains(option, error.ToString());
    }
}
