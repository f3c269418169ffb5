using System.Globalization;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Tests.Synthetic;

public sealed class BadRowsFixture() : IDisposable
{
    public GeneratedInbox Inbox { get; } = new(badRows: 0.05);
    public void Dispose() => Inbox.Dispose();
}

public sealed class BadRowsTests(BadRowsFixture fixture) : IClassFixture<BadRowsFixture>
{
    private GeneratedInbox G => fixture.Inbox;

    [Fact]
    public void Without_bad_rows_nothing_is_counted()
    {
        using var clean = new GeneratedInbox(badRows: 0, employees: 100);
        Assert.Empty(clean.Result.BadRowsByKind);
        Assert.All(clean.Result.Files, f => Assert.Equal(0, f.BadRows));
        // No DD/MM/YYYY variants either: the clean inbox is canonical.
        Assert.DoesNotContain(clean.Rows("diklat"), r => r["tanggal_mulai"].Contains('/'));
    }

    [Fact]
    public void Every_kind_appears_and_the_counts_add_up()
    {
        string[] kinds =
        [
            BadRowKind.NipInvalid, BadRowKind.NipSexMismatch, BadRowKind.UnitUnknown, BadRowKind.NipUnknown, BadRowKind.DateImpossible,
            BadRowKind.SkmValueOutOfRange, BadRowKind.PredikatInconsistent, BadRowKind.DuplicateId, BadRowKind.DateOrder,
            BadRowKind.MissingRequired, BadRowKind.JpOutOfRange, BadRowKind.KeputusanBeforePengajuan, BadRowKind.CodeUnknown,
            BadRowKind.SurveyInFuture, BadRowKind.SkpOutOfRange,
        ];
        foreach (var k in kinds) Assert.True(G.Result.BadRowsByKind.GetValueOrDefault(k) > 0, k);
        Assert.Equal(G.Result.Files.Sum(f => f.BadRows), G.Result.BadRowsByKind.Values.Sum());
        var rows = G.Result.Files.Where(f => f.Entity != "unit_kerja").Sum(f => f.Rows);
        Assert.InRange(G.Result.BadRowsByKind.Values.Sum() / (double)rows, 0.03, 0.07);
    }

    [Fact]
    public void Counted_defects_are_found_in_the_files()
    {
        // Recount some kinds straight from the files, with the spec's rules.
        var invalidNip = G.Rows("pegawai").Count(r => !Nip.Parse(r["nip"], r["status_kepegawaian"] == "PPPK").Success && r["status_kepegawaian"] != "HONORER");
        Assert.Equal(G.Result.BadRowsByKind[BadRowKind.NipInvalid], invalidNip);
        Assert.Equal(G.Result.BadRowsByKind[BadRowKind.JpOutOfRange], G.Rows("diklat").Count(r => r["jp"] is "0" or "5000"));
        Assert.Equal(G.Result.BadRowsByKind[BadRowKind.SkpOutOfRange], G.Rows("kinerja").Count(r => r["nilai_skp"] == "150"));
        Assert.Equal(G.Result.BadRowsByKind[BadRowKind.SkmValueOutOfRange],
            G.Rows("skm").Count(r => Enumerable.Range(1, 9).Any(i => r[$"u{i}"] is "0" or "5")));
        var future = GeneratedInbox.EndDate.AddYears(1);
        Assert.Equal(G.Result.BadRowsByKind[BadRowKind.SurveyInFuture],
            G.Rows("skm").Count(r => DateOnly.TryParseExact(r["tanggal_survei"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d > future));
        var inconsistent = G.Rows("kinerja").Count(r =>
            r["predikat"].Length > 0 && Predikat.TryParseEkspektasi(r["hasil_kerja"], out var h) && Predikat.TryParseEkspektasi(r["perilaku_kerja"], out var p)
            && Predikat.From(h, p) != r["predikat"]);
        Assert.Equal(G.Result.BadRowsByKind[BadRowKind.PredikatInconsistent], inconsistent);
        Assert.True(G.Result.BadRowsByKind[BadRowKind.CodeUnknown] >= G.Rows("cuti").Count(r => r["jenis_cuti"] == "liburan"));
        Assert.Contains(G.Rows("cuti"), r => r["jenis_cuti"] == "liburan");
    }

    [Fact]
    public void Dd_mm_yyyy_dates_are_mixed_in_but_not_counted_as_bad()
    {
        var slashed = G.Rows("diklat").Where(r => r["tanggal_mulai"].Contains('/')).ToList();
        Assert.NotEmpty(slashed);
        Assert.All(slashed, r => Assert.True(DateOnly.TryParseExact(r["tanggal_mulai"], "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)));
    }
}
