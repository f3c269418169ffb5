using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Kepegawaian.Etl.Tests.Etl.Hostile;

/// <summary>Builds the hostile inbox entries of issue 10 inside a test's own folder.</summary>
internal static class HostileInbox
{
    public static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    /// <summary>Runs the ETL on a worker thread and fails the test instead of hanging when it blocks (a FIFO).</summary>
    public static EtlRunSummary RunWithin(EtlTestBed bed, TimeSpan limit, EtlRequest? request = null)
    {
        var run = bed.Runner.RunAsync(request ?? new EtlRequest(bed.Inbox)).AsTask();
        Assert.True(run.Wait(limit), $"the ETL run did not finish within {limit.TotalSeconds} s");
        return run.Result;
    }

    /// <summary>A minimal .xlsx: one sheet of inline-string cells given by reference (e.g. "XFD2").</summary>
    public static void WriteXlsx(string path, IEnumerable<(string Ref, string Value)> cells, Action<ZipArchive>? extra = null)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry(zip, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Entry(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """);
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var row in cells.GroupBy(c => int.Parse(c.Ref.TrimStart((char ch) => char.IsLetter(ch)))).OrderBy(g => g.Key))
        {
            sheet.Append($"<row r=\"{row.Key}\">");
            foreach (var (reference, value) in row)
                sheet.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(value)}</t></is></c>");
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        Entry(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        extra?.Invoke(zip);
    }

    /// <summary>Cells A1, B1 … of one row.</summary>
    public static IEnumerable<(string, string)> Row(int row, params string[] values) =>
        values.Select((v, i) => ($"{(char)('A' + i)}{row}", v));

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(text);
    }
}

internal static class SpanTrim
{
    public static string TrimStart(this string s, Func<char, bool> drop)
    {
        var i = 0;
        while (i < s.Length && drop(s[i])) i++;
        return s[i..];
    }
}
