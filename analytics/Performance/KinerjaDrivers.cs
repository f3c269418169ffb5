using DuckDB.NET.Data;

namespace Kepegawaian.Analytics.Performance;

public sealed record Driver(int Rank, string Feature, double MaeIncrease, double MaeIncreaseSd, double MaeModel, double MaeBaseline);

/// <summary>Drivers of next-quarter performance (filled in below).</summary>
public static class KinerjaDrivers
{
    public static IReadOnlyList<Driver> Rank(DuckDBConnection connection, KinerjaOptions options) => [];
}
