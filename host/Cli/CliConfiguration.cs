using System.ComponentModel.DataAnnotations;
using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// What the one-shot commands read of `serve`'s configuration: appsettings.json beside the executable,
/// overridden by environment variables (<c>Etl__Inbox</c>, …), so an operator's `health`, `etl` or
/// `report` sees the same inbox, thresholds, zone and analytics settings as the service.
/// </summary>
public static class CliConfiguration
{
    private static readonly Lazy<IConfiguration> LazyRoot = new(() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build());

    /// <summary>The configuration, read once per process.</summary>
    public static IConfiguration Root => LazyRoot.Value;

    /// <summary>Section <paramref name="section"/> bound to a new <typeparamref name="T"/> and validated (attributes, then IValidatableObject) like at `serve`'s start-up.</summary>
    public static T Get<T>(string section) where T : new()
    {
        var options = new T();
        Root.GetSection(section).Bind(options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true))
            throw new OperatorException($"Konfigurasi {section} tidak valid / invalid configuration: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return options;
    }

    private static readonly Lazy<AnalyticsSettings> LazyAnalytics = new(BindAnalytics);

    /// <summary>The analytics options exactly as `serve` binds them (<c>AddAnalytics</c>: sections, fallbacks, validation).</summary>
    public static AnalyticsSettings Analytics => LazyAnalytics.Value;

    private static AnalyticsSettings BindAnalytics()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(Root);
        builder.AddAnalytics();
        using var provider = builder.Services.BuildServiceProvider();
        try
        {
            T Value<T>() where T : class => provider.GetRequiredService<IOptions<T>>().Value;
            return new AnalyticsSettings(Value<IkmOptions>(), Value<EfisiensiOptions>(), Value<KinerjaOptions>(), Value<DiklatOptions>());
        }
        catch (OptionsValidationException ex)
        {
            throw new OperatorException(ex.Message, ex);
        }
    }
}

public sealed record AnalyticsSettings(IkmOptions Ikm, EfisiensiOptions Efisiensi, KinerjaOptions Kinerja, DiklatOptions Diklat)
{
    public AnalyticsRefresher Refresher() =>
        new(Options.Create(Ikm), Options.Create(Efisiensi), Options.Create(Kinerja), Options.Create(Diklat));
}
