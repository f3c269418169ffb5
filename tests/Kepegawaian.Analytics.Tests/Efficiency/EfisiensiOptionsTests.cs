using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Analytics.Tests.Efficiency;

public sealed class EfisiensiOptionsTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAnalytics();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Extra_holidays_and_thresholds_bind_from_the_Analytics_section()
    {
        var sp = Build(new() { ["Analytics:ExtraHolidays:0"] = "2026-12-31,Libur daerah", ["Analytics:OnlineShareTarget"] = "0.8", ["Reports:MinCellSize"] = "10" });
        var o = sp.GetRequiredService<IOptions<EfisiensiOptions>>().Value;
        Assert.Equal(["2026-12-31,Libur daerah"], o.ExtraHolidays);
        Assert.Equal(0.8, o.OnlineShareTarget);
        Assert.Equal(10, sp.GetRequiredService<IOptions<IkmOptions>>().Value.MinCellSize); // falls back to Reports:MinCellSize
    }

    [Fact]
    public void Invalid_values_are_rejected_naming_the_key()
    {
        var sp = Build(new() { ["Analytics:ExtraHolidays:0"] = "31/12/2026" });
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<EfisiensiOptions>>().Value);
        Assert.Contains("Analytics:ExtraHolidays", ex.Message);
        var sp2 = Build(new() { ["Analytics:MinCellSize"] = "0" });
        Assert.Throws<OptionsValidationException>(() => sp2.GetRequiredService<IOptions<IkmOptions>>().Value);
    }
}
