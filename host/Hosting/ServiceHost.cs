using Kepegawaian.Analytics;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Reports;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Service.Hosting;

/// <summary>The long-running service (`kepegawaian serve`): schedules, dashboard and health on one host.</summary>
public static class ServiceHost
{
    /// <param name="services">Last word on the services, for tests (a fake <see cref="TimeProvider"/> drives Quartz too).</param>
    public static WebApplication Build(string[] args, string? db = null, string? urls = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Overrides(db, urls));
        builder.AddWarehouse();
        builder.AddEtl();
        builder.AddAnalytics();
        builder.AddReports();
        builder.AddSchedules();
        builder.Services.AddHostedService<WarehouseLease>();
        builder.Services.AddSingleton<Clustering.ServedWarehouse>();
        // Clustered, the dashboard and API read the published snapshot: the live file is only opened by a running job.
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => new Kepegawaian.Reports.Data.ReportDataReader(sp.GetRequiredService<Clustering.ServedWarehouse>().Database)));
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => new Kepegawaian.Reports.Dashboard.DrillUnitCache(
            sp.GetRequiredService<Clustering.ServedWarehouse>().Database, sp.GetRequiredService<Kepegawaian.Reports.Dashboard.DashboardDataCache>())));
        // After the lease (the warehouse is migrated by then): unit-bound recipients whose kode_unit dim_unit lacks are logged.
        builder.Services.AddHostedService<Kepegawaian.Reports.Delivery.DeliveryUnitCheck>();
        builder.Logging.AddConsoleFormatter<Output.SafeConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        builder.Logging.AddConsole(o => o.FormatterName = Output.SafeConsoleFormatter.FormatterName);
        services?.Invoke(builder.Services);
        builder.WebHost.UseUrls(builder.Configuration["Dashboard:Urls"] ?? "http://127.0.0.1:5080");

        var app = builder.Build();
        app.MapHealth();
        app.MapDashboard();
        return app;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Overrides(string? db, string? urls)
    {
        if (db is not null) yield return new("Warehouse:Path", db);
        if (urls is not null) yield return new("Dashboard:Urls", urls);
    }
}
