using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
