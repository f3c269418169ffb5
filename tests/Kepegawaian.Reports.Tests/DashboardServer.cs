using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Reports.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 (random port) serving MapDashboard over a seeded warehouse.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public const string Token = "rahasia-hr-1234567";

    private readonly bool ownsWarehouse;

    private DashboardServer(WebApplication app, TempWarehouse wh, bool ownsWarehouse)
    {
        App = app;
        Warehouse = wh;
        this.ownsWarehouse = ownsWarehouse;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public WebApplication App { get; }
    public TempWarehouse Warehouse { get; }
    public string BaseUrl { get; }

    /// <param name="extraSql">Run on the seeded warehouse before the server starts (a case on top of the seed).</param>
    /// <param name="warehouse">Serve this warehouse (e.g. the real-marts fixture's, left open on dispose) instead of a new seeded one.</param>
    public static async Task<DashboardServer> StartAsync(string token = Token, TimeProvider? clock = null, string? extraSql = null, TempWarehouse? warehouse = null)
    {
        var wh = warehouse ?? ReportSeed.Create();
        if (extraSql is not null)
        {
            using var c = wh.Open();
            c.Execute(extraSql);
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Path"] = wh.Path,
            ["Dashboard:Token"] = token,
            ["Reports:Language"] = "id",
        });
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.AddWarehouse();
        builder.AddReports();
        var app = builder.Build();
        app.MapDashboard();
        await app.StartAsync();
        return new DashboardServer(app, wh, ownsWarehouse: warehouse is null);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownsWarehouse) Warehouse.Dispose();
    }
}
