using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Analytics;

public static class AnalyticsHostingExtensions
{
    /// <summary>Binds every analytics option (validated at start-up) and registers <see cref="AnalyticsRefresher"/>.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddIkmEfisiensiAnalytics();
        builder.Services.AddOptions<KinerjaOptions>().Bind(builder.Configuration.GetSection("Analytics:Kinerja")).ValidateOnStart();
        builder.Services.AddOptions<DiklatOptions>().Bind(builder.Configuration.GetSection("Analytics:Diklat")).ValidateOnStart();
        builder.Services.AddSingleton<AnalyticsRefresher>();
        return builder;
    }
}
