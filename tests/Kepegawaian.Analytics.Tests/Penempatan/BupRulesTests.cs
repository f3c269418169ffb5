using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>BUP table, jenjang parsing and TMT pensiun, against hand-computed boundary cases (PP 11/2017 Pasal 239).</summary>
public sealed class BupRulesTests
{
    private static readonly BupRules Rules = BupRules.Shipped();

    [Theory]
    [InlineData("pengawas", "Kepala Seksi", 58)]
    [InlineData("administrator", "Kepala Bidang", 58)]
    [InlineData("pelaksana", "Pengadministrasi Umum", 58)]
    [InlineData("jpt", "Kepala Dinas Perikanan", 60)]
    [InlineData("fungsional", "Analis Kebijakan Ahli Pertama", 58)]
    [InlineData("fungsional", "Perencana Ahli Muda", 58)]
    [InlineData("fungsional", "Perawat Penyelia", 58)]
    [InlineData("fungsional", "Pranata Komputer Terampil", 58)]
    [InlineData("fungsional", "Analis Kebijakan Ahli Madya", 60)]
    [InlineData("fungsional", "Dokter Ahli Utama", 65)]
    [InlineData("fungsional", "AUDITOR AHLI  MADYA", 60)]
    [InlineData("fungsional", "Guru Ahli Pertama", 60)]      // guru: 60 whatever the jenjang (UU 14/2005 Pasal 30 ayat 4)
    [InlineData("fungsional", "Guru Kelas", 60)]
    [InlineData("fungsional", "Guru Ahli Utama", 60)]
    public void Shipped_table_gives_the_age_of_Pasal_239(string jenis, string nama, int bup) =>
        Assert.Equal(bup, Rules.Bup(BupRules.Kelompok(jenis, nama)));

    [Theory]
    [InlineData("Penyuluh Guru Ahli Muda/Ahli Madya")]  // not a guru (the name does not start with it), two jenjang
    [InlineData("Perawat")]
    [InlineData("Analis Kebijakan Ahli Muda/Ahli Madya")] // two jenjang: unreadable, not guessed
    [InlineData("Staf Ahli")]
    [InlineData("")]
    public void Unreadable_jenjang_is_tidak_diketahui_without_a_bup(string nama)
    {
        Assert.Null(BupRules.Jenjang(nama));
        Assert.Equal("fungsional_tidak_diketahui", BupRules.Kelompok("fungsional", nama));
        Assert.Null(Rules.Bup("fungsional_tidak_diketahui"));
        Assert.Null(Rules.TmtPensiun(new DateOnly(1960, 1, 1), "fungsional_tidak_diketahui"));
    }

    [Fact]
    public void A_jpt_named_staf_ahli_is_not_read_as_a_fungsional() =>
        Assert.Equal("jpt", BupRules.Kelompok("jpt", "Staf Ahli Wali Kota"));

    [Fact]
    public void No_jenis_jabatan_is_tidak_diketahui() =>
        Assert.Equal(BupRules.TidakDiketahui, BupRules.Kelompok(null, "Kepala Seksi"));

    // Hand-computed: the birthday at BUP falls in month M of year Y; TMT = 1st of month M+1.
    [Theory]
    [InlineData("1968-03-01", 58, "2026-04-01")]   // born on the 1st: reaches 58 on 1 Mar 2026 → 1 Apr 2026
    [InlineData("1968-03-31", 58, "2026-04-01")]   // born on the 31st: reaches 58 on 31 Mar 2026 → 1 Apr 2026 (same)
    [InlineData("1968-02-29", 58, "2026-03-01")]   // 29 Feb: 2026 has no 29 Feb; the birth month (Feb) counts → 1 Mar 2026
    [InlineData("1966-12-31", 60, "2027-01-01")]   // ahli madya turning 60 on 31 Dec 2026 → 1 Jan 2027 (year rolls over)
    [InlineData("1966-12-01", 60, "2027-01-01")]
    [InlineData("1961-07-15", 65, "2026-08-01")]   // ahli utama at 65
    public void Tmt_pensiun_is_the_first_of_the_month_after_the_birthday(string lahir, int bup, string tmt) =>
        Assert.Equal(DateOnly.Parse(tmt), BupRules.TmtPensiun(DateOnly.Parse(lahir), bup));

    [Fact]
    public void Ahli_madya_retires_at_60_not_58()
    {
        var lahir = new DateOnly(1966, 5, 20);
        Assert.Equal(new DateOnly(2026, 6, 1), Rules.TmtPensiun(lahir, BupRules.Kelompok("fungsional", "Arsiparis Ahli Madya")));
        Assert.Equal(new DateOnly(2024, 6, 1), Rules.TmtPensiun(lahir, BupRules.Kelompok("fungsional", "Arsiparis Ahli Muda")));
        Assert.Equal(new DateOnly(2031, 6, 1), Rules.TmtPensiun(lahir, BupRules.Kelompok("fungsional", "Arsiparis Ahli Utama")));
    }

    [Fact]
    public void Operator_table_replaces_the_shipped_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bup-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "jenis_jabatan,jenjang,bup,dasar\npengawas,,59,uji\nfungsional,ahli_madya,62,uji\n");
        try
        {
            var rules = BupRules.Load(new PenempatanOptions { BupTable = path });
            Assert.Equal(59, rules.Bup("pengawas"));
            Assert.Equal(62, rules.Bup("fungsional_ahli_madya"));
            Assert.Null(rules.Bup("pelaksana"));   // replaced as a whole: a group it does not list has no BUP
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("pengawas,,abc,x", "bup")]
    [InlineData("camat,,58,x", "jenis_jabatan")]
    [InlineData("fungsional,,58,x", "jenjang")]
    [InlineData("pengawas,ahli_muda,58,x", "jenjang")]
    [InlineData("pengawas,,58,x\npengawas,,60,y", "dua kali")]
    public void A_bad_operator_table_is_refused_naming_the_line(string body, string says)
    {
        var ex = Assert.Throws<FormatException>(() => BupRules.Parse(new StringReader("jenis_jabatan,jenjang,bup,dasar\n" + body), "op.csv"));
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validation_reports_a_missing_table()
    {
        var o = new PenempatanOptions { BupTable = "/nonexistent/bup.csv" };
        Assert.NotEmpty(o.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(o)));
    }
}
