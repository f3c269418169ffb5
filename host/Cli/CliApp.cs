using System.CommandLine;
using Kepegawaian.Service.Output;

namespace Kepegawaian.Service.Cli;

/// <summary>Builds the command tree and maps failures to the exit codes of spec §5.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int UsageError = 1;
    public const int OperatorError = 2;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Kepegawaian.Analytics — analitik dan laporan ASN Pemerintah Kota Palembang. " +
            "/ Analytics and reporting for the civil servants of Kota Palembang.");
        root.Options.Add(CommonOptions.Db);
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Runs the CLI; <paramref name="output"/> and <paramref name="error"/> let tests capture text.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var config = new InvocationConfiguration
        {
            // Data (unit and file names) reaches the terminal only with its control characters neutralised.
            Output = new TerminalSafeWriter(output ?? Console.Out),
            Error = new TerminalSafeWriter(error ?? Console.Error),
            EnableDefaultExceptionHandler = false,
        };
        var parse = BuildRoot().Parse(args);
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (Exception ex)
        {
            // A bad value is the caller's to fix (1); everything else — locked or missing warehouse,
            // I/O, a failed load, cancellation — needs an operator (2). The message says what to do.
            await config.Error.WriteLineAsync($"kepegawaian: {ex.Message}");
            return ex is UsageException ? UsageError : OperatorError;
        }
    }
}

/// <summary>A bad argument value found after parsing (exit code 1).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A failure an operator must act on (exit code 2); the message says what to do.</summary>
public sealed class OperatorException(string message, Exception? inner = null) : Exception(message, inner);
