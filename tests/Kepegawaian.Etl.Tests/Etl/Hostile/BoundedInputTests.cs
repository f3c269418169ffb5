using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Kepegawaian.Etl.Reading;

namespace Kepegawaian.Etl.Tests.Etl.Hostile;

/// <summary>
/// Issue 10 item 2: bounded memory and disk for any input. A record over the limit is rejected without
/// being held whole and leaves a bounded ledger entry (4 096-character prefix, full length, SHA-256
/// computed here independently); an XLSX over a limit fails alone; the other files of the run load.
/// </summary>
public sealed class BoundedInputTests
{
    private const int TwentyMb = 20 << 20;

    [Fact]
    public void A_20_MB_CSV_line_is_rejected_as_too_long_with_a_bounded_ledger_entry_and_the_rows_around_it_load()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var lines = EtlTestBed.SkmCsv.ReplaceLineEndings("\n").Split('\n');
        var huge = "R9,KEL01,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4,P,34,S1,Wiraswasta," + new string('a', TwentyMb);
        File.WriteAllText(Path.Combine(bed.Inbox, "skm_2026.csv"), $"{lines[0]}\n{lines[1]}\n{huge}\n{lines[2]}\nR3,KEL99,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4,P,34,S1,Wiraswasta,\n");

        var summary = bed.Run();

        var skm = summary.Files.Single(f => f.File == "skm_2026.csv");
        Assert.Equal((EtlFileSummary.Loaded, 4L, 2L, 2L), (skm.Status, skm.RowsRead, skm.RowsLoaded, skm.RowsRejected));
        Assert.Equal([(3L, null, "BARIS_TERLALU_PANJANG"), (5L, "kode_unit", "UNIT_TIDAK_DIKENAL")], bed.Rejects("skm_2026.csv"));
        AssertBoundedLedgerEntry(bed, 3, huge);
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
    }

    [Fact]
    public void A_20_MB_JSONL_line_is_rejected_as_too_long_and_the_next_lines_load()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        const string row = """{"id_responden":"R{0}","kode_unit":"KEL01","jenis_layanan":"KTP-el","tanggal_survei":"2026-05-02","u1":4,"u2":4,"u3":4,"u4":4,"u5":4,"u6":4,"u7":4,"u8":4,"u9":4}""";
        var huge = row.Replace("{0}", "9").Replace("}", $",\"saran\":\"{new string('b', TwentyMb)}\"}}");
        File.WriteAllText(Path.Combine(bed.Inbox, "skm_2026.jsonl"), $"{row.Replace("{0}", "1")}\r\n{huge}\r\n{row.Replace("{0}", "2")}\n");

        var skm = bed.Run().Files.Single(f => f.File == "skm_2026.jsonl");

        Assert.Equal((3L, 2L, 1L), (skm.RowsRead, skm.RowsLoaded, skm.RowsRejected));
        Assert.Equal([(2L, null, "BARIS_TERLALU_PANJANG")], bed.Rejects("skm_2026.jsonl"));
        AssertBoundedLedgerEntry(bed, 2, huge);
    }

    [Fact]
    public void A_quoted_CSV_field_over_the_limit_is_skipped_to_the_end_of_its_record_keeping_line_numbers()
    {
        var field = string.Join("\n", Enumerable.Repeat(new string('c', 1000), 1500)); // 1.5 M characters, 1 499 newlines
        using var csv = CsvRecordSource.FromText($"a,b\n1,\"{field}\"\r\n2,x\n");

        Assert.True(csv.Read());
        Assert.True(csv.TooLong);
        Assert.Equal(2, csv.LineNumber);
        Assert.Equal(Encoding.UTF8.GetByteCount(field) + 4, csv.Raw().Length);
        Assert.True(csv.Read());
        Assert.False(csv.TooLong);
        Assert.Equal((2 + 1500L, "2"), (csv.LineNumber, csv.Field(0).ToString()));
        Assert.False(csv.Read());
    }

    [Fact]
    public void Raw_rows_keep_a_prefix_the_UTF8_length_and_the_SHA256_of_the_whole_row()
    {
        var text = new string('x', 4095) + "😀" + "é";     // the prefix would cut the emoji in half
        var raw = RawRow.Of(text);

        Assert.Equal(new string('x', 4095), raw.Prefix);
        Assert.Equal(4095 + 4 + 2, raw.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), raw.Sha256);
    }

    [Fact]
    public void An_xlsx_with_a_cell_in_column_XFD_fails_alone_without_16384_cells_per_row()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        var cells = HostileInbox.Row(1, "id_responden", "kode_unit")
            .Concat(Enumerable.Range(2, 2000).SelectMany(r => HostileInbox.Row(r, $"R{r}", "KEL01").Append(($"XFD{r}", "x"))));
        HostileInbox.WriteXlsx(Path.Combine(bed.Inbox, "skm_xfd.xlsx"), cells);

        var summary = bed.Run();

        var xlsx = summary.Files.Single(f => f.File == "skm_xfd.xlsx");
        Assert.Equal(EtlFileSummary.Failed, xlsx.Status);
        Assert.Contains("XFD2", xlsx.Message);
        Assert.Contains("1.000 kolom", xlsx.Message);
        Assert.Equal(EtlFileSummary.Loaded, summary.Files.Single(f => f.File == "unit_kerja_2026.csv").Status);
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_reject"));
    }

    [Fact]
    public void An_xlsx_whose_shared_strings_unpack_past_the_limit_fails_before_they_are_read()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        HostileInbox.WriteXlsx(Path.Combine(bed.Inbox, "skm_bom.xlsx"), HostileInbox.Row(1, "id_responden", "kode_unit"), zip =>
        {
            using var s = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
            s.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"u8);
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 70; i++) s.Write(chunk);     // 70 MiB of one string, a few hundred KB zipped
            s.Write("</t></si></sst>"u8);
        });

        var summary = bed.Run();

        var xlsx = summary.Files.Single(f => f.File == "skm_bom.xlsx");
        Assert.Equal(EtlFileSummary.Failed, xlsx.Status);
        Assert.Contains("sharedStrings.xml", xlsx.Message);
        Assert.Equal(EtlFileSummary.Loaded, summary.Files.Single(f => f.File == "unit_kerja_2026.csv").Status);
    }

    [Fact]
    public void Ten_thousand_unknown_columns_give_one_short_warning_with_the_count_and_the_first_names()
    {
        using var bed = new EtlTestBed();
        var extra = Enumerable.Range(1, 10_000).Select(i => $"x{i}").ToList();
        bed.Write("unit_kerja_2026.csv", $"kode_unit,nama_unit,jenis_unit,{string.Join(",", extra)}\nU1,Dinas,dinas,{new string(',', 9_999)}");

        var file = bed.Run().Files.Single();

        Assert.Equal((EtlFileSummary.Loaded, 1L), (file.Status, file.RowsLoaded));
        var warning = bed.Scalar<string>("SELECT message FROM etl_warning")!;
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM etl_warning"));
        Assert.Equal("10.000 kolom tidak dikenal untuk unit_kerja; diabaikan: x1, x2, x3, … (+9.997).", warning);
    }

    private static void AssertBoundedLedgerEntry(EtlTestBed bed, long line, string wholeRow)
    {
        var r = bed.Rows($"""
            SELECT e.raw_text, r.raw_length, r.raw_sha256 FROM etl_reject e JOIN etl_reject_raw r USING (reject_id)
            WHERE e.line_number = {line}
            """).Single();
        Assert.Equal(wholeRow[..RawRow.PrefixChars], r[0]);
        Assert.Equal((long)Encoding.UTF8.GetByteCount(wholeRow), r[1]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wholeRow))), r[2]);
    }
}
