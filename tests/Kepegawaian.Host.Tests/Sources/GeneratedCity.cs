using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Sources;

/// <summary>One synthetic city through the real CLI: `generate` in a source shape, then `etl` into a fresh warehouse.</summary>
internal static class GeneratedCity
{
    /// <returns>The warehouse path, <c>&lt;folder&gt;/&lt;name&gt;/gudang.duckdb</c>.</returns>
    public static async Task<string> GenerateAndLoad(TempFolder folder, string name, string[] city, string[] shape)
    {
        var inbox = Path.Combine(folder.Path, name, "inbox");
        var db = Path.Combine(folder.Path, name, "gudang.duckdb");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.True(CliApp.Ok == await CliApp.RunAsync(["generate", "--out", inbox, .. city, .. shape], output, error), error.ToString());
        Assert.True(CliApp.Ok == await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db], output, error), output + error.ToString());
        return db;
    }
}
