using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Delivery;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Kepegawaian.Reports;

public static class ReportsHostingExtensions
{
    /// <summary>
    /// Registers the report options (validated at start-up, messages name the key), the report
    /// builder, the delivery service and ledger, the dashboard options, and the Quartz weekly job with
    /// its cron trigger (<c>Delivery:Cron</c> in <c>Schedule:TimeZone</c>, misfire = fire once now) plus a
    /// start-up catch-up trigger. Expects <c>AddWarehouse()</c>; the host calls <c>AddQuartz()</c> and
    /// <c>AddQuartzHostedService()</c> once for all jobs.
    /// </summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<ReportOptions>().Bind(config.GetSection(ReportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(config.GetSection(DeliveryOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Delivery:Cron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        // Each bad entry named (Delivery:Recipients:2 …): address, kode_unit shape, one address bound to two units.
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryRecipientsValidator>();
        services.AddOptions<SmtpOptions>().Bind(config.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<DashboardOptions>().Bind(config.GetSection(DashboardOptions.Section)).ValidateOnStart();
        // Every source of a bound address (Kestrel endpoints, ASPNETCORE_URLS, HTTP_PORTS), not only Dashboard:Urls.
        services.AddSingleton<IValidateOptions<DashboardOptions>>(new DashboardBindingValidator(config));
        services.AddSingleton<Dashboard.HrSessions>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReportDataReader>();
        services.AddSingleton<Dashboard.DashboardDataCache>();
        services.AddSingleton<Dashboard.DashboardResponseCache>();
        services.AddSingleton<Dashboard.DrillUnitCache>();
        services.AddSingleton<WeeklyReportBuilder>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<IReportMailer, SmtpReportMailer>();
        services.AddSingleton<ReportDeliveryService>();
        services.AddTransient<WeeklyReportJob>();

        var cron = config["Delivery:Cron"] is { Length: > 0 } c ? c : new DeliveryOptions().Cron;
        // The one zone (ScheduleOptions). An unknown one adds no cron trigger here: AddWarehouse's validation
        // stops the host at start-up naming Schedule:TimeZone.
        var schedule = config.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var zoneKnown = TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone);
        // Added to whichever Quartz scheduler the host registers (AddQuartz + AddQuartzHostedService).
        services.ConfigureAllQuartzSchedulers(q =>
        {
            // RequestRecovery: in a cluster a node killed mid-delivery has it re-run elsewhere; the ledger keeps each send once.
            q.AddJob<WeeklyReportJob>(j => j.WithIdentity(WeeklyReportJob.Key).StoreDurably().RequestRecovery());
            if (CronExpression.TryParse(cron, out _) && zoneKnown)
                q.AddTrigger(t => t.ForJob(WeeklyReportJob.Key).WithIdentity("weekly-report-cron", "reports")
                    .WithCronSchedule(cron, s => s.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // After downtime the in-memory scheduler has no missed fire to replay: this one-shot
            // trigger sends the latest week's report at start-up if it is due and not yet sent. "Now" is
            // the scheduler's TimeProvider, and jobs start only once the host has started (Quartz's
            // AwaitApplicationStarted), so the warehouse is migrated by then.
            q.AddTrigger(t => t.ForJob(WeeklyReportJob.Key).WithIdentity("weekly-report-catch-up", "reports")
                .UsingJobData(WeeklyReportJob.CatchUpKey, true).StartNow());
        });
        return builder;
    }
}

internal sealed class DashboardBindingValidator(IConfiguration config) : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions o) =>
        DashboardOptions.Check(DashboardOptions.BoundAddresses(config, o), o.Token) is { } error
            ? ValidateOptionsResult.Fail(error)
            : ValidateOptionsResult.Success;
}

internal sealed class DeliveryRecipientsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions o) =>
        DeliveryRecipient.Problems(o.Recipients) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}

/// <summary>Checks Smtp:* only when e-mail recipients are configured; messages name the key.</summary>
internal sealed class SmtpOptionsValidator(IOptions<DeliveryOptions> delivery) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        if (delivery.Value.Recipients.Count == 0) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host)) errors.Add("Smtp:Host is required when Delivery:Recipients is set.");
        if (o.Port is < 1 or > 65535) errors.Add("Smtp:Port must be between 1 and 65535.");
        if (!MimeKit.MailboxAddress.TryParse(o.From, out _)) errors.Add("Smtp:From must be an e-mail address when Delivery:Recipients is set.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
