using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Analytics;

public static class AnalyticsHostingExtensions
{
    /// <summary>
    /// Binds every analytics option from the <c>Analytics</c> section (validated at start-up) and
    /// registers <see cref="AnalyticsRefresher"/>. <c>Analytics:MinCellSize</c> falls back to
    /// <c>Reports:MinCellSize</c> (spec §6) when not set.
    /// </summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddOptions<IkmOptions>()
            .Bind(config.GetSection(IkmOptions.Section))
            .PostConfigure(o =>
            {
                if (config[$"{IkmOptions.Section}:{nameof(IkmOptions.MinCellSize)}"] is null
                    && config.GetValue<int?>("Reports:MinCellSize") is { } reports)
                    o.MinCellSize = reports;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<EfisiensiOptions>().Bind(config.GetSection(EfisiensiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KinerjaOptions>().Bind(config.GetSection("Analytics:Kinerja")).ValidateOnStart();
        builder.Services.AddOptions<DiklatOptions>().Bind(config.GetSection("Analytics:Diklat")).ValidateOnStart();
        builder.Services.AddOptions<PenempatanOptions>().Bind(config.GetSection(PenempatanOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AnalyticsRefresher>();
        return builder;
    }
}
