using Kepegawaian.Service.Cli;
using Kepegawaian.Service.Output;
using Kepegawaian.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>Names from the data (units, files) cannot drive the operator's terminal or forge log lines.</summary>
public sealed class TerminalOutputTests
{
    // ESC ] 0 ; … BEL retitles a terminal window; U+202E turns the rest of the line around; \n forges a row.
    private const string Hostile = "Kel Talang\u001b]0;pwned\u0007\u202e\nBARIS PALSU";

    private static bool HasRawControl(string text) =>
        text.Any(c => c is < ' ' and not ('\n' or '\r' or '\t') or '\u007f' or (>= '\u0080' and <= '\u009f') or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'));

    [Fact]
    public void Control_characters_are_shown_as_visible_escapes()
    {
        Assert.Equal("Kel Talang\\x1b]0;pwned\\x07\\u202e\\x0aBARIS PALSU", TerminalSafe.Clean(Hostile));
        Assert.Equal("a\nb\\x1b", TerminalSafe.Clean("a\nb\u001b", keepNewlines: true));
        Assert.Equal("Kelurahan 10 Ilir", TerminalSafe.Clean("Kelurahan 10 Ilir"));
    }

    [Fact]
    public async Task Unit_and_file_names_reach_the_terminal_neutralised_in_tables()
    {
        using var folder = TempFolder.Create("cli-tty");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_\u001b[2J.csv"), $"kode_unit,nama_unit,jenis_unit\nKEL01,\"{Hostile}\",kelurahan\n");
        var skm = "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"R{i},KEL01,KTP-el,2026-05-{i + 1:00},4,3,4,3,4,3,4,3,4\n"));
        File.WriteAllText(Path.Combine(inbox, "skm_2026.csv"), skm);

        var etl = new StringWriter();
        var etlErr = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db], etl, etlErr));
        var runs = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["runs", "--db", db], runs, new StringWriter()));
        var ikm = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["ikm", "--db", db, "--by", "unit", "--period", "2026"], ikm, new StringWriter()));

        foreach (var text in new[] { etl.ToString(), etlErr.ToString(), runs.ToString(), ikm.ToString() })
            Assert.False(HasRawControl(text), text);
        Assert.Contains("unit_kerja_\\x1b[2J.csv", etl.ToString());
        Assert.Contains("Kel Talang\\x1b]0;pwned\\x07\\u202e\\x0aBARIS PALSU", ikm.ToString());
        Assert.DoesNotContain(ikm.ToString().Split('\n'), l => l.StartsWith("BARIS PALSU", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_lines_of_serve_neutralise_messages_and_indent_stack_traces()
    {
        var formatter = new SafeConsoleFormatter();
        var output = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Warning, "Etl", new EventId(7), "file " + Hostile, new IOException("bad\nname"), (s, _) => s);
        formatter.Write(in entry, null, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("warn: Etl[7] file Kel Talang\\x1b]0;pwned\\x07\\u202e\\x0aBARIS PALSU", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("      ", l, StringComparison.Ordinal));
        Assert.False(HasRawControl(output.ToString()));
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("rejects")]
    public async Task A_negative_limit_is_a_usage_error(string command)
    {
        var error = new StringWriter();
        Assert.Equal(CliApp.UsageError, await CliApp.RunAsync([command, "--limit", "-1", "--db", "/nonexistent/x.duckdb"], new StringWriter(), error));
        Assert.Contains("--limit", error.ToString());
    }
}
