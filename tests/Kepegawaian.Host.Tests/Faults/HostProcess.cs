using System.Diagnostics;

namespace Kepegawaian.Host.Tests.Faults;

/// <summary>
/// The built CLI run as a real child process (<c>dotnet kepegawaian.dll …</c>): the host project's output
/// (dll, deps.json, runtimeconfig.json) is copied beside the test assembly by the project reference.
/// </summary>
internal static class HostProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "kepegawaian.dll");

    /// <summary>Starts the CLI with stdout and stderr redirected; the caller reads or ignores them.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As above, with extra environment variables (configuration such as <c>Etl__Inbox</c>).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // DOTNET_HOST_PATH is set by `dotnet test`; fall back to the muxer on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        return Process.Start(psi) ?? throw new InvalidOperationException($"could not start {dotnet} {Dll}");
    }

    /// <summary>Runs the CLI to its end; kills it and throws when it outlives <paramref name="timeout"/>.</summary>
    public static Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string>(), args);

    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kepegawaian {string.Join(' ', args)} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public sealed record Result(int ExitCode, string Output, string Error);
}
