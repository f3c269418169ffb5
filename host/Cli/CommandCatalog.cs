using System.CommandLine;

namespace Kepegawaian.Service.Cli;

/// <summary>Every `kepegawaian` subcommand, in help order.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        Commands.ReportCommand.Create(),
    ];
}
