using System.CommandLine;
using System.Text.Json;
using Kepegawaian.Etl.Operations;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian health`: last successful load and whether the inbox is stale; exit 2 when unhealthy.</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "Folder inbox / inbox folder", DefaultValueFactory = _ => "inbox" };
        var staleAfter = new Option<int>("--stale-after-minutes")
        {
            Description = "Berkas yang menunggu lebih lama dianggap basi / files waiting longer are stale",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("health", "Kesehatan ETL: pemuatan sukses terakhir, inbox basi. / ETL health check.") { inbox, staleAfter };
        command.SetAction((parse, ct) =>
        {
            using var connection = new WarehouseDatabase(parse.GetValue(CommonOptions.Db)!).Open(readOnly: true);
            var wib = new ScheduleOptions().Zone;
            var nowWib = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, wib);
            var report = EtlHealth.Check(connection, parse.GetValue(inbox)!, TimeSpan.FromMinutes(parse.GetValue(staleAfter)), nowWib, wib);
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(report, ResultWriter.Json));
            return Task.FromResult(report.Healthy ? CliApp.Ok : CliApp.OperatorError);
        });
        return command;
    }
}
