using Kepegawaian.Analytics.Ikm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Analytics.Efficiency;

public static class IkmEfisiensiHostingExtensions
{
    /// <summary>
    /// Binds <see cref="IkmOptions"/> and <see cref="EfisiensiOptions"/> from the <c>Analytics</c> section,
    /// validated at start-up. MinCellSize falls back to <c>Reports:MinCellSize</c> (spec §6) when not set here.
    /// </summary>
    public static IHostApplicationBuilder AddIkmEfisiensiAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IkmOptions>()
            .Bind(builder.Configuration.GetSection(IkmOptions.Section))
            .PostConfigure(o =>
            {
                if (builder.Configuration[$"{IkmOptions.Section}:{nameof(IkmOptions.MinCellSize)}"] is null
                    && builder.Configuration.GetValue<int?>("Reports:MinCellSize") is { } reports)
                    o.MinCellSize = reports;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<EfisiensiOptions>()
            .Bind(builder.Configuration.GetSection(EfisiensiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
