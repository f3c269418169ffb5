using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>The report seed plus <see cref="KomposisiSeed"/> (hand count there), placement marts refreshed at its reference date.</summary>
internal static class KomposisiWarehouse
{
    public static TempWarehouse Create()
    {
        var wh = ReportSeed.Create();
        using var c = wh.Open();
        KomposisiSeed.Seed(c);
        PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = KomposisiSeed.Acuan });
        return wh;
    }
}
