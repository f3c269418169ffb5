using System.CommandLine;
using Kepegawaian.Etl.Operations;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>`kepegawaian runs`: the ETL run log (files, counts, duration, status).</summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Jumlah run terakhir / number of recent runs", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--limit harus 1 atau lebih / must be 1 or more"); });
        var format = CommonOptions.Format();
        var command = new Command("runs", "Daftar run ETL: berkas, jumlah baris, durasi, status. / ETL run log.") { limit, format };
        command.SetAction((parse, ct) =>
        {
            using var connection = ReadableWarehouse.Open(parse);
            ResultWriter.Write(parse.InvocationConfiguration.Output, EtlRunLog.Recent(connection, parse.GetValue(limit)), parse.GetValue(format));
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
