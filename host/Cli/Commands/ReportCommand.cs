using System.CommandLine;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports;
using Kepegawaian.Reports.Delivery;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian report weekly|deliver` (spec §5).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var report = new Command("report", "Laporan mingguan / weekly report");
        report.Subcommands.Add(Weekly());
        report.Subcommands.Add(Deliver());
        return report;
    }

    private static Option<string?> WeekOption() => new("--week")
    {
        Description = "Minggu ISO YYYY-Www (bawaan: minggu lengkap terakhir menurut Schedule:TimeZone) / ISO week (default: last complete week in Schedule:TimeZone)",
    };

    private static Command Weekly()
    {
        var week = WeekOption();
        var outDir = new Option<string?>("--out") { Description = "Folder keluaran (bawaan Reports:OutDir) / output folder" };
        var cmd = new Command("weekly", "Buat laporan mingguan (HTML, PDF, XLSX, PNG) / build the weekly report") { week, outDir };
        cmd.SetAction(async (pr, ct) =>
        {
            // Beside a running `serve`: built from its published snapshot, opened read-only.
            var readable = ReadableWarehouse.Resolve(pr);
            using var services = Services(readable.Path, requireExisting: true, readOnly: readable.Path != CommonOptions.Warehouse(pr).Path);
            var builder = services.GetRequiredService<WeeklyReportBuilder>();
            var files = await builder.BuildAsync(ParseWeek(pr.GetValue(week), builder), pr.GetValue(outDir), ct);
            var output = pr.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Laporan minggu {files.Week} / weekly report {files.Week}:");
            foreach (var f in new[] { files.Html, files.Pdf, files.Xlsx }) await output.WriteLineAsync("  " + Path.GetFullPath(f));
            await output.WriteLineAsync($"  {files.Charts.Count} grafik PNG, {files.Csv.Count} tabel CSV di {Path.GetFullPath(files.Directory)}");
            return CliApp.Ok;
        });
        return cmd;
    }

    private static Command Deliver()
    {
        var week = WeekOption();
        var format = CommonOptions.Format();
        var cmd = new Command("deliver", "Buat dan kirim laporan sekarang (buku kirim mencegah duplikat) / build and deliver now, honouring the delivery ledger") { week, format };
        cmd.SetAction(async (pr, ct) =>
        {
            using var services = Services(pr.GetValue(CommonOptions.Db)!, requireExisting: true);
            var delivery = services.GetRequiredService<ReportDeliveryService>();
            if (delivery.Targets().Count == 0)
                throw new OperatorException("Tidak ada tujuan: isi Delivery:Recipients dan/atau Delivery:Folder. / No delivery target configured (Delivery:Recipients, Delivery:Folder).");
            var outcome = await delivery.DeliverAsync(ParseWeek(pr.GetValue(week), services.GetRequiredService<WeeklyReportBuilder>()), ct);
            ResultWriter.Write(pr.InvocationConfiguration.Output, outcome.Results, pr.GetValue(format));
            if (outcome.AnyInvalid)
                throw new OperatorException("Ada penerima yang terikat pada kode_unit yang tidak ada di warehouse (lihat galat di atas): perbaiki Delivery:Recipients:<n>:Unit lalu jalankan lagi; yang sudah terkirim tidak dikirim ulang. / A recipient is bound to a unit the warehouse does not know (see above): fix that Delivery:Recipients entry and run again; nothing already sent is resent.");
            if (outcome.AnyFailed)
                throw new OperatorException(outcome.NextRetryAt is { } at
                    ? $"Sebagian pengiriman gagal; coba lagi setelah {TimeZoneInfo.ConvertTime(at, delivery.Zone):yyyy-MM-dd HH:mm} {LocalZone.Label(delivery.Zone)}; hanya yang gagal dikirim ulang. / Some deliveries failed; run again after that time — only the failed ones are resent."
                    : "Pengiriman gagal dan batas percobaan (Delivery:MaxAttempts) sudah habis: tidak ada percobaan ulang otomatis. Periksa Smtp:* / Delivery:Folder dan pesan galat di atas. / Delivery failed and every attempt is used up; check Smtp:* or Delivery:Folder and the errors above.");
            return CliApp.Ok;
        });
        return cmd;
    }

    private static Periode ParseWeek(string? text, WeeklyReportBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(text)) return builder.DefaultWeek();
        try { return ReportWeeks.Parse(text); }
        catch (FormatException ex) { throw new UsageException(ex.Message); }
    }

    /// <summary>The same registrations as `serve` (appsettings.json + environment), without the scheduler.</summary>
    private static ServiceProvider Services(string db, bool requireExisting, bool readOnly = false)
    {
        if (requireExisting && !File.Exists(db)) throw new WarehouseNotFoundException(Path.GetFullPath(db));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(CliConfiguration.Root)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Warehouse:Path"] = db, ["Warehouse:ReadOnly"] = readOnly ? "true" : null });
        // The CLI's clock: the default week and the ledger's times are "now" in Schedule:TimeZone.
        builder.Services.AddSingleton(CliClock.Time);
        builder.AddWarehouse();
        builder.AddReports();
        var provider = builder.Services.BuildServiceProvider();
        try
        {
            // Validate options up front so a bad key is reported by name (exit code 2).
            _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Reports.Options.ReportOptions>>().Value;
            _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Reports.Options.DeliveryOptions>>().Value;
            _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Reports.Options.SmtpOptions>>().Value;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            provider.Dispose();
            throw new OperatorException(ex.Message, ex);
        }
        return provider;
    }
}
