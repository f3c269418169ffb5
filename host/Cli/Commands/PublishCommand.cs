using System.CommandLine;
using Kepegawaian.Warehouse.Lake;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// <c>kepegawaian publish [--db F]</c>: publishes the Parquet lake (Publish:Path, Publish:Instansi, Publish:Keep,
/// Publish:HrPath) from the warehouse as it is now — or from `serve`'s snapshot while `serve` holds the file.
/// </summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var command = new Command("publish", "Terbitkan lake Parquet (Publish:Path) dari gudang data. / Publish the Parquet lake (Publish:Path) from the warehouse.");
        command.SetAction(async (parse, ct) =>
        {
            var options = CliConfiguration.Get<PublishOptions>(PublishOptions.Section);
            if (!options.Enabled)
                throw new OperatorException("Publish:Path belum diatur (appsettings.json atau Publish__Path). / Publish:Path is not set.");
            using var connection = ReadableWarehouse.Open(parse);
            foreach (var folder in LakePublishing.Run(connection, options, CliClock.Time))
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Lake Parquet diterbitkan / published: {folder}");
            return CliApp.Ok;
        });
        return command;
    }
}
