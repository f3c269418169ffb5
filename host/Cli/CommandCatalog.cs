using System.CommandLine;
using Kepegawaian.Service.Cli.Commands;

namespace Kepegawaian.Service.Cli;

/// <summary>Every `kepegawaian` subcommand, in help order.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        DemoCommand.Create(),
        GenerateCommand.Create(),
        EtlCommand.Create(),
        PublishCommand.Create(),
        RunsCommand.Create(),
        RejectsCommand.Create(),
        HealthCommand.Create(),
        IkmCommand.Create(),
        EfisiensiCommand.Create(),
        KinerjaCommand.Create(),
        DiklatCommand.Create(),
        PenempatanCommand.Create(),
        ReportCommand.Create(),
        ServeCommand.Create(),
    ];
}
