using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Lake;

/// <summary>Three small synthetic cities (different seeds), each loaded and refreshed by `etl`, shared by the lake tests.</summary>
public sealed class LakeCities : IAsyncLifetime
{
    private readonly TempFolder folder = TempFolder.Create("lake-cities");

    /// <summary>City A (two years), then B and C (one year each).</summary>
    public IReadOnlyList<WarehouseDatabase> Cities { get; private set; } = [];

    public WarehouseDatabase A => Cities[0];

    public async Task InitializeAsync()
    {
        var cities = new List<WarehouseDatabase>();
        foreach (var (name, employees, years, seed) in new[] { ("a", 120, 2, 5), ("b", 60, 1, 6), ("c", 60, 1, 7) })
        {
            var inbox = folder.Sub("inbox-" + name);
            var db = folder.File(name + ".duckdb");
            await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = employees, Years = years, Seed = seed, EndDate = new DateOnly(2026, 10, 31) });
            var error = new StringWriter();
            var code = await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db], new StringWriter(), error);
            if (code != CliApp.Ok) throw new InvalidOperationException($"etl of city {name} failed ({code}): {error}");
            cities.Add(new WarehouseDatabase(db));
        }
        Cities = cities;
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
