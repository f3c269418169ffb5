using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// Synthetic cities with the issue-15 placement signals (<see cref="GeneratorOptions.PlacementSignals"/>) at a few seeds and a
/// small scale, each generated, loaded by the real ETL and analysed once for every recovery test of the class.
/// </summary>
public sealed class PlacementSignalCity : IAsyncLifetime
{
    public const string Collection = "placement-signal-city";

    /// <summary>Generator seeds: recovery is a rate over these, never one lucky draw.</summary>
    public static readonly IReadOnlyList<int> Seeds = [3, 11, 29, 47];

    /// <summary>5 000 employees: an ordinary kecamatan has ~9 staff, enough to be rated (≥ 5) at every seed.</summary>
    public const int Employees = 5_000;

    public static readonly DateOnly EndDate = new(2026, 11, 30);

    public sealed record Kota(int Seed, TempWarehouse Warehouse, DateOnly Acuan, PenempatanResult Hasil, IReadOnlyList<BebanRow> Beban);

    public List<Kota> Cities { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var seed in Seeds)
        {
            var wh = new TempWarehouse();
            var inbox = wh.Folder.Sub("inbox");
            await SyntheticGenerator.GenerateAsync(new GeneratorOptions
            {
                OutDir = inbox, Employees = Employees, Years = 3, Seed = seed, EndDate = EndDate, PlacementSignals = true,
            });
            await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));
            using var c = wh.Open();
            var acuan = PenempatanAnalysis.ReferenceDate(c)!.Value;
            Cities.Add(new Kota(seed, wh, acuan, PenempatanAnalysis.Compute(c, acuan), BebanAnalysis.Compute(c, acuan)));
        }
    }

    public Task DisposeAsync()
    {
        foreach (var k in Cities) k.Warehouse.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>One <see cref="PlacementSignalCity"/> for every recovery test class (generation and load run once).</summary>
[CollectionDefinition(PlacementSignalCity.Collection)]
public sealed class PlacementSignalCollection : ICollectionFixture<PlacementSignalCity>;
