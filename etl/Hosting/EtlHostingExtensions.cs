using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Kepegawaian.Etl.Reading.Profiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Etl.Hosting;

public static class EtlHostingExtensions
{
    /// <summary>
    /// Binds <see cref="EtlOptions"/> (validated at start-up) and registers <see cref="EtlRunner"/> and
    /// <see cref="EtlJob"/>. Needs <c>AddWarehouse()</c>. The host schedules the job with
    /// <c>EtlOptions.Cron</c> in <c>Schedule:TimeZone</c> under <see cref="EtlJob.Key"/>.
    /// </summary>
    public static IHostApplicationBuilder AddEtl(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EtlOptions>()
            .Bind(builder.Configuration.GetSection(EtlOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => IsCron(o.Cron), "Etl:Cron bukan ekspresi cron Quartz yang sah.")
            .ValidateOnStart();
        // Profiles are validated at start-up: a wrong one stops the service naming its file and key.
        builder.Services.AddSingleton<IValidateOptions<EtlOptions>, ProfileValidation>();
        builder.Services.AddSingleton(sp => SourceProfiles.Load(sp.GetRequiredService<IOptions<EtlOptions>>().Value.ProfileDir));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EtlRunner>();
        builder.Services.AddTransient<EtlJob>();
        return builder;
    }

    private static bool IsCron(string cron)
    {
        try { _ = new Quartz.CronExpression(cron); return true; }
        catch (FormatException) { return false; }
    }
}

/// <summary>Loads <c>Etl:ProfileDir</c> with the shipped profiles; the first invalid profile fails validation with its file and key.</summary>
internal sealed class ProfileValidation : IValidateOptions<EtlOptions>
{
    public ValidateOptionsResult Validate(string? name, EtlOptions options)
    {
        try
        {
            SourceProfiles.Load(options.ProfileDir);
            return ValidateOptionsResult.Success;
        }
        catch (SourceProfileException ex) { return ValidateOptionsResult.Fail(ex.Message); }
        catch (IOException ex) { return ValidateOptionsResult.Fail($"Etl:ProfileDir: {ex.Message}"); }
    }
}
