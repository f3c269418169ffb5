using System.CommandLine;
using System.Text.Json;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian health`: last successful load and whether the inbox is stale; exit 2 when unhealthy. Defaults as `serve` (appsettings.json, environment).</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "Folder inbox (bawaan Etl:Inbox) / inbox folder", DefaultValueFactory = _ => CliConfiguration.Get<EtlOptions>(EtlOptions.Section).Inbox };
        var staleAfter = new Option<int>("--stale-after-minutes")
        {
            Description = "Berkas yang menunggu lebih lama dianggap basi / files waiting longer are stale",
            DefaultValueFactory = _ => CliConfiguration.Get<EtlOptions>(EtlOptions.Section).StaleAfterMinutes,
        };
        var failedScans = new Option<int>("--failed-scans")
        {
            Description = "Berkas yang gagal sebanyak N pemindaian berturut-turut membuat tidak sehat / a file failing N scans in a row is unhealthy",
            DefaultValueFactory = _ => CliConfiguration.Get<EtlOptions>(EtlOptions.Section).FailedScansUnhealthy,
        };
        var command = new Command("health", "Kesehatan ETL: pemuatan sukses terakhir, run yang tidak selesai, berkas yang terus gagal, inbox basi. / ETL health check.") { inbox, staleAfter, failedScans };
        command.SetAction((parse, ct) =>
        {
            using var connection = ReadableWarehouse.Open(parse);
            var etl = CliConfiguration.Get<EtlOptions>(EtlOptions.Section);
            etl.Inbox = parse.GetValue(inbox)!;
            etl.StaleAfterMinutes = parse.GetValue(staleAfter);
            etl.FailedScansUnhealthy = Math.Max(1, parse.GetValue(failedScans));
            var report = ServiceHealth.Check(connection, etl, CliConfiguration.Analytics.Efisiensi, CliClock.LocalNow(), CliClock.Zone);
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(report, ResultWriter.Json));
            return Task.FromResult(report.Healthy ? CliApp.Ok : CliApp.OperatorError);
        });
        return command;
    }
}
