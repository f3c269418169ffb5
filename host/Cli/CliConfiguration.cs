using System.ComponentModel.DataAnnotations;
using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Warehouse;
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

    // Per async flow, so in-process CLI tests can set keys (Schedule:TimeZone, …) without touching other tests.
    private static readonly AsyncLocal<IConfiguration?> Overlaid = new();

    /// <summary>The configuration, read once per process (plus a test's <see cref="Overlay"/>).</summary>
    public static IConfiguration Root => Overlaid.Value ?? LazyRoot.Value;

    /// <summary>
    /// Test seam: in this async flow, <paramref name="settings"/> override the process's configuration (as a
    /// command-line option would) until disposed.
    /// </summary>
    public static IDisposable Overlay(IReadOnlyDictionary<string, string?> settings)
    {
        var previous = Overlaid.Value;
        Overlaid.Value = new ConfigurationBuilder().AddConfiguration(Root).AddInMemoryCollection(settings).Build();
        return new CliClock.Restore(() => Overlaid.Value = previous);
    }

    /// <summary>Section <paramref name="section"/> bound to a new <typeparamref name="T"/> and validated (attributes, then IValidatableObject) like at `serve`'s start-up.</summary>
    public static T Get<T>(string section) where T : new()
    {
        var options = new T();
        // A value of the wrong type (e.g. Etl:PredikatPolicy = Tolak) fails the binding itself, naming the key.
        try { Root.GetSection(section).Bind(options); }
        catch (InvalidOperationException ex) { throw new OperatorException($"Konfigurasi {section} tidak valid / invalid configuration: {ex.Message}", ex); }
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true))
            throw new OperatorException($"Konfigurasi {section} tidak valid / invalid configuration: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return options;
    }

    private static readonly Lazy<AnalyticsSettings> LazyAnalytics = new(BindAnalytics);

    /// <summary>The analytics options exactly as `serve` binds them (<c>AddAnalytics</c>: sections, fallbacks, validation).</summary>
    public static AnalyticsSettings Analytics => Overlaid.Value is null ? LazyAnalytics.Value : BindAnalytics();

    private static AnalyticsSettings BindAnalytics()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(Root);
        builder.AddAnalytics();
        using var provider = builder.Services.BuildServiceProvider();
        try
        {
            T Value<T>() where T : class => provider.GetRequiredService<IOptions<T>>().Value;
            return new AnalyticsSettings(Value<IkmOptions>(), Value<EfisiensiOptions>(), Value<KinerjaOptions>(), Value<DiklatOptions>(), Get<ScheduleOptions>(ScheduleOptions.Section))
            {
                Penempatan = Value<PenempatanOptions>(),
            };
        }
        catch (OptionsValidationException ex)
        {
            throw new OperatorException(ex.Message, ex);
        }
    }
}

public sealed record AnalyticsSettings(IkmOptions Ikm, EfisiensiOptions Efisiensi, KinerjaOptions Kinerja, DiklatOptions Diklat, ScheduleOptions Schedule)
{
    /// <summary>Placement settings (issue 15: BUP table, reference date, wave and rotation thresholds).</summary>
    public PenempatanOptions Penempatan { get; init; } = new();

    /// <summary>The refresher on the CLI's clock and zone (mart_build times are wall clock in Schedule:TimeZone).</summary>
    public AnalyticsRefresher Refresher() =>
        new(Options.Create(Ikm), Options.Create(Efisiensi), Options.Create(Kinerja), Options.Create(Diklat), CliClock.Time, Options.Create(Schedule), Options.Create(Penempatan));
}
