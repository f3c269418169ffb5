using System.CommandLine;
using System.Globalization;
using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Warehouse;
using Kepegawaian.Warehouse.Lake;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary><c>kepegawaian etl --inbox DIR [--db F] [--format text|json]</c> (spec §5).</summary>
public static class EtlCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox")
        {
            Description = "Folder inbox berisi berkas CSV/XLSX/JSONL / inbox folder to load",
            Required = true,
        };
        var format = new Option<OutputFormat>("--format")
        {
            Description = "Format ringkasan: text atau json / summary format",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        var noRefresh = new Option<bool>("--no-refresh")
        {
            Description = "Jangan segarkan mart analitik setelah pemuatan / don't rebuild the analytics marts after loading",
        };
        var settle = new Option<double>("--settle-seconds")
        {
            Description = "Lewati berkas yang berubah dalam N detik terakhir (masih ditulis) / skip files still being written (changed within N s)",
            DefaultValueFactory = _ => 0,
        };
        var wait = new Option<int>("--wait-seconds")
        {
            Description = "Tunggu paling lama N detik bila gudang data dipakai proses lain (mis. serve) / wait at most N s while another process holds the warehouse",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("etl", "Muat setiap berkas inbox sekali, segarkan analitik, lalu cetak ringkasan run. / Load every inbox file once, refresh the analytics marts, print the run summary.")
        {
            inbox, format, noRefresh, settle, wait,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var fmt = parse.GetValue(format);
            if (fmt is not (OutputFormat.Text or OutputFormat.Json or OutputFormat.Table))
                throw new UsageException("--format harus text atau json.");
            var dir = parse.GetValue(inbox)!;
            if (!Directory.Exists(dir))
                throw new OperatorException($"Folder inbox '{Path.GetFullPath(dir)}' tidak ada. Periksa --inbox atau buat folder itu. / Inbox folder not found.");
            var database = CommonOptions.Warehouse(parse);
            var seconds = parse.GetValue(settle);
            if (seconds is < 0 or > 3600)
                throw new UsageException("--settle-seconds harus 0…3600.");
            var waitSeconds = parse.GetValue(wait);
            if (waitSeconds is < 0 or > 86_400)
                throw new UsageException("--wait-seconds harus 0…86400.");
            // Source profiles (issue 13) are checked before the warehouse is touched: a wrong one names its file and key.
            SourceProfiles profiles;
            var etlOptions = CliConfiguration.Get<EtlOptions>(EtlOptions.Section);
            try { profiles = SourceProfiles.Load(etlOptions.ProfileDir); }
            catch (SourceProfileException ex) { throw new OperatorException($"{ex.Message} Perbaiki profil itu (Etl:ProfileDir) lalu jalankan lagi. / Fix that source profile and run again.", ex); }
            await WarehouseWait.UntilFreeAsync(database, TimeSpan.FromSeconds(waitSeconds), parse.InvocationConfiguration.Error, ct);
            var request = new EtlRequest(dir)
            {
                SettleInterval = TimeSpan.FromSeconds(seconds), PredikatPolicy = etlOptions.PredikatPolicy,
                ExtraHolidays = CliConfiguration.Analytics.Efisiensi.ExtraHolidays,
            };
            var summary = await EtlProgressDisplay.RunAsync(new EtlRunner(database, CliClock.Time, schedule: CliClock.Schedule, profiles: profiles), request, output, parse.InvocationConfiguration.Error, ct);
            // Marts follow the facts, as under `serve`: every area older than the last committed load is
            // rebuilt — also when this run loaded nothing, so marts a killed run left stale heal here.
            if (!parse.GetValue(noRefresh))
            {
                using var connection = database.Open();
                var log = parse.InvocationConfiguration.Error;
                var refreshed = CliConfiguration.Analytics.Refresher().RefreshStale(connection, ct, area =>
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[mart] {CliClock.LocalNow():HH:mm:ss} {area}: menyegarkan / refreshing")));
                if (fmt != OutputFormat.Json && refreshed.Steps.Count > 0)
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Mart analitik disegarkan / analytics marts refreshed ({refreshed.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", refreshed.Steps)})"));
                // As under `serve`: the lake follows a committed load + refresh (Publish:Path set), never a --no-refresh run.
                foreach (var folder in LakePublishing.Run(connection, CliConfiguration.Get<PublishOptions>(PublishOptions.Section), CliClock.Time))
                    if (fmt != OutputFormat.Json) await output.WriteLineAsync($"Lake Parquet diterbitkan / published: {folder}");
            }
            if (summary.RowsLoaded > 0)
                await WarnAboutHolidaysAsync(database, parse.InvocationConfiguration.Error);
            if (fmt == OutputFormat.Json)
                await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(summary, ResultWriter.Json));
            else
                WriteText(output, summary, database.Path);
            if (summary.NeedsOperator)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"kepegawaian: ada berkas yang gagal dimuat; lihat {Path.Combine(dir, "failed")}/*.error.txt, perbaiki berkasnya lalu taruh kembali di inbox. / Some files failed.");
                return CliApp.OperatorError;
            }
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Leave loaded for a year without a holiday table would silently count its holidays as working days.</summary>
    private static async Task WarnAboutHolidaysAsync(WarehouseDatabase database, TextWriter error)
    {
        using var connection = database.Open();
        var missing = HolidayCoverage.Missing(connection, WorkingCalendar.Load(CliConfiguration.Analytics.Efisiensi.ExtraHolidays), referenceYear: null);
        if (HolidayCoverage.Warning(missing) is { } warning)
            await error.WriteLineAsync("peringatan / warning: " + warning);
    }

    private static void WriteText(TextWriter output, EtlRunSummary summary, string db)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));
        output.WriteLine($"Run ETL {summary.RunId}: {summary.Status}");
        var rows = summary.Files.Select(f => new FileRow(f.File, f.Entity ?? "-", f.Status, f.RowsRead, f.RowsLoaded, f.RowsUnchanged, f.RowsRejected)).ToList();
        ResultWriter.Write(output, rows, OutputFormat.Table);
        output.WriteLine($"Total: dibaca {N(summary.RowsRead)}, dimuat {N(summary.RowsLoaded)}, tidak berubah {N(summary.RowsUnchanged)}, ditolak {N(summary.RowsRejected)}");
        foreach (var f in summary.Files.Where(f => f.Message is not null))
            output.WriteLine($"  {Output.TerminalSafe.Clean(f.File)}: {Output.TerminalSafe.Clean(f.Message)}");
        if (summary.RowsRejected > 0)
            output.WriteLine($"Baris yang ditolak: kepegawaian rejects --run {summary.RunId} --db {db}");
    }

    private sealed record FileRow(string File, string Entity, string Status, long RowsRead, long RowsLoaded, long RowsUnchanged, long RowsRejected);
}
