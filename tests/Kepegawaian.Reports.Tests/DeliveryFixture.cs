using Kepegawaian.Reports.Delivery;
using Kepegawaian.Reports.Options;
using Kepegawaian.Testing;
using Microsoft.Extensions.Time.Testing;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Reports.Tests;

/// <summary>Seeded warehouse + SMTP server + a controllable clock; builds delivery services like the host does.</summary>
public sealed class DeliveryFixture : IDisposable
{
    public const string A = "kepala@palembang.go.id";
    public const string B = "sekda@palembang.go.id";

    public DeliveryFixture(DateTimeOffset? start = null)
    {
        Warehouse = ReportSeed.Create();
        Out = TempFolder.Create("delivery");
        Smtp = new TestSmtpServer();
        // Monday 23 Nov 2026 07:00 WIB = 00:00 UTC: the scheduled time of week 47's report.
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    }

    public TempWarehouse Warehouse { get; }
    public TempFolder Out { get; }
    public TestSmtpServer Smtp { get; }
    public FakeTimeProvider Clock { get; }
    public DeliveryOptions Options { get; } = new() { Recipients = [A, B], RetryBackoff = TimeSpan.FromMinutes(5), ClaimTimeout = TimeSpan.FromMinutes(10) };

    public ReportDeliveryService Service(string? instance = null)
    {
        var builder = new Weekly.WeeklyReportBuilder(new Data.ReportDataReader(Warehouse.Database),
            OptionsFactory.Create(new ReportOptions { OutDir = Out.Sub("out") }), Clock);
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = Smtp.Port, Security = SmtpSecurity.None, From = "laporan@palembang.go.id", LocalDomain = "localhost" };
        var service = new ReportDeliveryService(builder, new DeliveryLedger(Warehouse.Database), new SmtpReportMailer(OptionsFactory.Create(smtp)),
            OptionsFactory.Create(Options), OptionsFactory.Create(smtp), Clock);
        return instance is null ? service : new ReportDeliveryService(builder, new DeliveryLedger(Warehouse.Database), new SmtpReportMailer(OptionsFactory.Create(smtp)),
            OptionsFactory.Create(Options), OptionsFactory.Create(smtp), Clock) { InstanceId = instance };
    }

    public void Dispose()
    {
        Smtp.Dispose();
        Warehouse.Dispose();
        Out.Dispose();
    }
}
