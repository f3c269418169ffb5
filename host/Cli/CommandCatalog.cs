using System.CommandLine;
using Kepegawaian.Service.Cli.Commands;

namespace Kepegawaian.Service.Cli;

/// <summary>Every `kepegawaian` subcommand, in help order.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        GenerateCommand.Create(),
        RunsCommand.Create(),
        HealthCommand.Create(),
        IkmCommand.Build(),
        EfisiensiCommand.Build(),
        EtlCommand.Build(),
        RejectsCommand.Build(),
    ];
}
