using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Two keys resolve a contract column from elsewhere: <c>lookups</c> (an operator's mapping file, e-Cuti) and
/// <c>crosswalk</c> (warehouse data, SIASN API). Distinct names, so an operator cannot confuse them; one profile may use both.
/// </summary>
public sealed class ProfileLookupsAndCrosswalkTests
{
    private const string Both = """
        {
          "entity": "cuti",
          "file": "^izin_.*\\.csv$",
          "columns": { "id": "id_pengajuan", "jenis": "jenis_cuti", "kanal": "kanal", "tgl": "waktu_pengajuan", "status": "status",
                       "mulai": "tanggal_mulai", "selesai": "tanggal_selesai", "hari": "lama_hari" },
          "lookups": { "kode_unit": { "from": "unit_id", "file": "izin-unit.csv", "key": "id", "value": "kode_unit" } },
          "crosswalk": { "nip": { "table": "pns_id", "from": [ "pns" ] } }
        }
        """;

    [Fact]
    public void One_profile_may_use_both_each_for_its_own_column()
    {
        var profile = SourceProfile.Parse("izin-opd.json", Both);

        Assert.Equal(["kode_unit"], profile.Lookups.Keys);
        Assert.Equal(["nip"], profile.Crosswalk.Keys);
        Assert.Equal(("unit_id", "pns"), (profile.SourceOf("kode_unit"), profile.SourceOf("nip")));
    }

    [Fact]
    public void Both_fill_a_column_once()
    {
        var broken = Both.Replace("\"crosswalk\": { \"nip\": { \"table\": \"pns_id\", \"from\": [ \"pns\" ] } }",
            "\"crosswalk\": { \"kode_unit\": { \"table\": \"unit_pns_id\", \"from\": [ \"pns\", \"tgl\" ] } }");
        Assert.NotEqual(Both, broken);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("izin-opd.json", broken));

        Assert.Equal("crosswalk.kode_unit", ex.Key);
        Assert.Contains("sudah diisi", ex.Message);
    }

    [Fact]
    public void The_singular_lookup_is_unknown_and_the_message_names_both_keys()
    {
        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("izin-opd.json", Both.Replace("\"crosswalk\":", "\"lookup\":")));

        Assert.Contains("Kunci yang dikenal:", ex.Message);
        Assert.Contains("lookups, crosswalk, workingDays, also, distinct, keepKnown.", ex.Message);
    }
}
