using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>The minimum-education table and the fit of one employee, against hand-decided boundary cases (issue 15 item 4).</summary>
public sealed class PendidikanRulesTests
{
    private static readonly PendidikanRules Rules = PendidikanRules.Shipped();

    [Theory]
    // fungsional ahli: S-1/D-IV. D3 is below, S1 meets it, D4 is the S-1 equivalent, S2 is above.
    [InlineData("fungsional", "Analis Kebijakan Ahli Pertama", "D3", Kesesuaian.Kurang)]
    [InlineData("fungsional", "Analis Kebijakan Ahli Pertama", "S1", Kesesuaian.Sesuai)]
    [InlineData("fungsional", "Analis Kebijakan Ahli Pertama", "D4", Kesesuaian.Sesuai)]
    [InlineData("fungsional", "Perencana Ahli Madya", "S2", Kesesuaian.Sesuai)]
    [InlineData("fungsional", "Dokter Ahli Utama", "S1", Kesesuaian.Sesuai)]
    [InlineData("fungsional", "Perawat Ahli Muda", "D3", Kesesuaian.Kurang)]
    // fungsional keterampilan: D-III.
    [InlineData("fungsional", "Perawat Terampil", "D3", Kesesuaian.Sesuai)]
    [InlineData("fungsional", "Pranata Komputer Penyelia", "D2", Kesesuaian.Kurang)]
    [InlineData("fungsional", "Pranata Komputer Mahir", "SMA", Kesesuaian.Kurang)]
    // guru: S-1/D-IV whatever the jenjang (UU 14/2005 Pasal 9).
    [InlineData("fungsional", "Guru Kelas", "D4", Kesesuaian.Sesuai)]
    [InlineData("fungsional", "Guru Matematika Ahli Pertama", "D3", Kesesuaian.Kurang)]
    // a fungsional whose jenjang cannot be read: never judged, even with an S-3.
    [InlineData("fungsional", "Perawat", "S3", Kesesuaian.TidakDiketahui)]
    [InlineData("fungsional", "Analis Kebijakan Ahli Muda/Ahli Madya", "S2", Kesesuaian.TidakDiketahui)]
    // missing or unknown pendidikan: not judged.
    [InlineData("fungsional", "Perencana Ahli Muda", null, Kesesuaian.TidakDiketahui)]
    [InlineData("pengawas", "Kepala Seksi", "", Kesesuaian.TidakDiketahui)]
    [InlineData("pengawas", "Kepala Seksi", "S-1", Kesesuaian.TidakDiketahui)]
    // pengawas: D-III. D3 fits, SMA is under.
    [InlineData("pengawas", "Kepala Seksi", "D3", Kesesuaian.Sesuai)]
    [InlineData("pengawas", "Kepala Seksi", "SMA", Kesesuaian.Kurang)]
    [InlineData("pengawas", "Kepala Seksi", "d3", Kesesuaian.Sesuai)]
    // administrator and jpt: S-1/D-IV.
    [InlineData("administrator", "Kepala Bidang", "D4", Kesesuaian.Sesuai)]
    [InlineData("administrator", "Kepala Bidang", "D3", Kesesuaian.Kurang)]
    [InlineData("jpt", "Kepala Dinas", "S2", Kesesuaian.Sesuai)]
    [InlineData("jpt", "Kepala Dinas", "D3", Kesesuaian.Kurang)]
    // pelaksana: SLTA as the floor.
    [InlineData("pelaksana", "Pengadministrasi Umum", "SMA", Kesesuaian.Sesuai)]
    [InlineData("pelaksana", "Pengadministrasi Umum", "SMP", Kesesuaian.Kurang)]
    [InlineData("pelaksana", "Pengemudi", "SD", Kesesuaian.Kurang)]
    // no jenis_jabatan: no rule.
    [InlineData(null, "Staf", "S3", Kesesuaian.TidakDiketahui)]
    public void Shipped_table_judges_the_boundary_cases(string? jenis, string nama, string? pendidikan, Kesesuaian expected) =>
        Assert.Equal(expected, Rules.Nilai(BupRules.Kelompok(jenis, nama), pendidikan));

    [Fact]
    public void Contract_codes_are_ordered_with_D4_equal_to_S1()
    {
        var ranks = Codes.Pendidikan.Select(PendidikanRules.Peringkat).ToList();
        Assert.All(ranks, r => Assert.NotNull(r));
        // SD < SMP < SMA < D1 < D2 < D3 < D4 = S1 < S2 < S3
        for (var i = 1; i < ranks.Count; i++)
            Assert.True(ranks[i] > ranks[i - 1] || (Codes.Pendidikan[i] == "S1" && ranks[i] == ranks[i - 1]), $"{Codes.Pendidikan[i - 1]} → {Codes.Pendidikan[i]}");
        Assert.Equal(PendidikanRules.Peringkat("S1"), PendidikanRules.Peringkat("D4"));
        Assert.Null(PendidikanRules.Peringkat(null));
        Assert.Null(PendidikanRules.Peringkat("SLTA"));
    }

    [Fact]
    public void Shipped_table_states_each_minimum_and_its_source()
    {
        Assert.Equal(("S1", "PP 11/2017 Pasal 107"), (Rules.Rule("jpt")!.Minimum, Rules.Rule("jpt")!.Dasar));
        Assert.Contains("Pasal 54", Rules.Rule("administrator")!.Dasar, StringComparison.Ordinal);
        Assert.Equal("D3", Rules.Rule("pengawas")!.Minimum);
        Assert.Contains("Pasal 55", Rules.Rule("pengawas")!.Dasar, StringComparison.Ordinal);
        Assert.Equal("SMA", Rules.Rule("pelaksana")!.Minimum);
        Assert.Equal("S1", Rules.Rule("fungsional_ahli_madya")!.Minimum);     // the "ahli" row
        Assert.Equal("D3", Rules.Rule("fungsional_keterampilan")!.Minimum);
        Assert.Contains("UU 14/2005", Rules.Rule("fungsional_guru")!.Dasar, StringComparison.Ordinal);
        Assert.Null(Rules.Rule("fungsional_tidak_diketahui"));
        Assert.Null(Rules.Rule(BupRules.TidakDiketahui));
        Assert.Equal(["S-1/D-IV", "S-1/D-IV", "D-III", "SLTA"], new[] { "S1", "D4", "D3", "SMA" }.Select(PendidikanRules.Label));
    }

    [Fact]
    public void Operator_table_replaces_the_shipped_one_and_an_ahli_jenjang_row_overrides_ahli()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pendidikan-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "jenis_jabatan,jenjang,pendidikan_minimum,dasar\npengawas,,S1,uji\nfungsional,ahli,S1,uji\nfungsional,ahli_utama,S2,uji\n");
        try
        {
            var rules = PendidikanRules.Load(new PenempatanOptions { PendidikanTable = path });
            Assert.Equal(Kesesuaian.Kurang, rules.Nilai("pengawas", "D3"));
            Assert.Equal(Kesesuaian.Kurang, rules.Nilai("fungsional_ahli_utama", "S1"));
            Assert.Equal(Kesesuaian.Sesuai, rules.Nilai("fungsional_ahli_madya", "S1"));
            Assert.Equal(Kesesuaian.TidakDiketahui, rules.Nilai("pelaksana", "SD"));   // replaced as a whole: no pelaksana row
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("pengawas,,SLTA,x", "pendidikan_minimum")]
    [InlineData("camat,,S1,x", "jenis_jabatan")]
    [InlineData("fungsional,,S1,x", "jenjang")]
    [InlineData("fungsional,ahli_tinggi,S1,x", "jenjang")]
    [InlineData("pengawas,ahli,S1,x", "jenjang")]
    [InlineData("pengawas,,D3,x\npengawas,,S1,y", "dua kali")]
    [InlineData("pengawas", "harus")]
    public void A_bad_operator_table_is_refused_naming_the_line(string body, string says)
    {
        var ex = Assert.Throws<FormatException>(() => PendidikanRules.Parse(new StringReader("jenis_jabatan,jenjang,pendidikan_minimum,dasar\n" + body), "op.csv"));
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        if (!says.Equals("dua kali", StringComparison.Ordinal)) Assert.Contains("baris 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validation_reports_a_missing_table()
    {
        var o = new PenempatanOptions { PendidikanTable = "/nonexistent/pendidikan.csv" };
        var errors = o.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(o)).ToList();
        Assert.Contains(errors, e => e.MemberNames.Contains("Analytics:Penempatan:PendidikanTable"));
    }
}
