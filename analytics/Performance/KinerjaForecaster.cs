namespace Kepegawaian.Analytics.Performance;

public sealed record UnitForecast(string KodeUnit, string Periode, double Forecast, double Lower, double Upper, double MaeModel, double MaeNaive);

/// <summary>Next-two-quarter forecast per unit (filled in below).</summary>
public static class KinerjaForecaster
{
    public static IReadOnlyList<UnitForecast> Forecast(IReadOnlyList<UnitSeries> series, KinerjaOptions options) => [];
}
