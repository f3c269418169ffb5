using System.CommandLine;
using Kepegawaian.Service.Cli.Commands;

namespace Kepegawaian.Service.Cli;

/// <summary>Every `kepegawaian` subcommand, in help order.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        GenerateCommand.Create(),
        EtlCommand.Build(),
        RejectsCommand.Build(),
    ];
}
