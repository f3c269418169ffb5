using System.Text;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// What a unit-bound recipient gets on top of the city report, kept in <c>&lt;week&gt;/unit/</c> beside it: the e-mail body
/// (unit section, then the city brief), its text part (same order) and the unit section alone as an HTML attachment. Written
/// once per week and unit and reused, so a retry sends what the first attempt would have (like the city files).
/// </summary>
public sealed record UnitFiles(string KodeUnit, string EmailHtml, string SummaryText, string Html)
{
    public string Subject => File.ReadLines(SummaryText).First();

    private static string Stem(WeeklyReportFiles city, string kode)
    {
        var safe = new string(kode.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return Path.Combine(city.Directory, "unit", $"ringkasan-unit-{safe}-{city.Week}");
    }

    private static UnitFiles Of(WeeklyReportFiles city, string kode)
    {
        var stem = Stem(city, kode);
        return new UnitFiles(kode, stem + ".email.html", stem + ".txt", stem + ".html");
    }

    public static UnitFiles? Load(WeeklyReportFiles city, string kode)
    {
        var f = Of(city, kode);
        return new[] { f.EmailHtml, f.SummaryText, f.Html }.All(File.Exists) ? f : null;
    }

    public static UnitFiles Write(WeeklyReportFiles city, UnitBrief brief, ReportText text)
    {
        var f = Of(city, brief.KodeUnit);
        Directory.CreateDirectory(Path.GetDirectoryName(f.Html)!);
        var cityHtml = File.ReadAllText(city.EmailHtml);
        var at = cityHtml.IndexOf("<body>", StringComparison.Ordinal);
        var section = brief.Html(text);
        var email = at < 0 ? section + cityHtml : cityHtml.Insert(at + "<body>".Length, section);
        var cityLines = File.ReadAllLines(city.SummaryText);
        var subject = $"{cityLines.FirstOrDefault() ?? city.Week.ToString()} · {brief.NamaUnit}";
        var lines = new List<string> { subject, "" };
        lines.AddRange(brief.Lines(text));
        lines.Add("");
        lines.AddRange(cityLines.Skip(1).SkipWhile(string.IsNullOrEmpty));
        // Each file complete or absent: written beside, then moved in (the attachment last: Load needs all three).
        Replace(f.EmailHtml, email);
        Replace(f.SummaryText, string.Join("\n", lines) + "\n");
        Replace(f.Html, brief.Document(text, brief.Heading(text)));
        return f;
    }

    private static void Replace(string path, string content)
    {
        var temp = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
