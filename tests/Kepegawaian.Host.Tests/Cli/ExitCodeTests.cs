using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>Spec §5: 0 on success, 1 on a usage error, 2 on a failure that needs an operator.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task Help_is_bilingual_and_exits_0()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["--help"], output, new StringWriter()));
        Assert.Contains("analitik dan laporan", output.ToString());
        Assert.Contains("Analytics and reporting", output.ToString());
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        Assert.Equal(1, await CliApp.RunAsync(["runs", "--bogus"], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public async Task Missing_warehouse_needs_an_operator_and_says_what_to_do()
    {
        using var folder = TempFolder.Create("cli");
        var error = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["runs", "--db", folder.File("none.duckdb")], new StringWriter(), error));
        Assert.Contains("kepegawaian etl --inbox", error.ToString());
    }
}
