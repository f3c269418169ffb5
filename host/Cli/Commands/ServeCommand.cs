using System.CommandLine;
using Kepegawaian.Service.Hosting;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian serve`: Quartz schedules (inbox scan, analytics refresh, weekly report) and the dashboard.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Alamat dasbor / dashboard address (default Dashboard:Urls, http://127.0.0.1:5080)" };
        var command = new Command("serve", "Jalankan layanan: jadwal ETL, analitik, laporan mingguan, dan dasbor. / Run the service.") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var db = parse.GetResult(CommonOptions.Db) is { Implicit: false } ? parse.GetValue(CommonOptions.Db) : null;
            await using var app = ServiceHost.Build([], db, parse.GetValue(urls));
            await app.RunAsync(ct);
            return CliApp.Ok;
        });
        return command;
    }
}
