using System.Text;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>An organisational unit of the synthetic city (spec §3.1 plus the optional served population).</summary>
public sealed record Unit(int Index, string Kode, string Nama, string Jenis, string? Induk, long? Populasi, double StaffWeight)
{
    public bool IsSkmService => Jenis is "kecamatan" or "kelurahan" or "rsud" || Kode is "DPMPTSP" or "DISDUKCAPIL" or "DINKES";
}

/// <summary>
/// Kota Palembang: the perangkat daerah (Perda Kota Palembang 6/2016 and later), the 18 kecamatan and their 107
/// kelurahan (domain.md). Staff weights make teachers and health workers the largest groups.
/// </summary>
public static class Palembang
{
    public const long Population = 1_781_672; // mid-2024 (BPS)

    private static readonly (string Kode, string Nama, string Jenis, double Weight, long? Populasi)[] Opd =
    [
        ("SETDA", "Sekretariat Daerah", "sekretariat", 0.012, null),
        ("SETWAN", "Sekretariat DPRD", "sekretariat", 0.005, null),
        ("INSPEKTORAT", "Inspektorat", "inspektorat", 0.005, null),
        ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "badan", 0.004, null),
        ("BPKAD", "Badan Pengelola Keuangan dan Aset Daerah", "badan", 0.006, null),
        ("BPPD", "Badan Pengelola Pajak Daerah", "badan", 0.006, null),
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "badan", 0.004, null),
        ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "badan", 0.003, null),
        ("SATPOLPP", "Satuan Polisi Pamong Praja", "satuan", 0.012, null),
        ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", 0.008, null),
        ("DPERKIM", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "dinas", 0.004, null),
        ("DISHUB", "Dinas Perhubungan", "dinas", 0.009, null),
        ("DINKES", "Dinas Kesehatan", "dinas", 0.140, Population),
        ("DISDIK", "Dinas Pendidikan", "dinas", 0.440, null),
        ("DISBUD", "Dinas Kebudayaan", "dinas", 0.003, null),
        ("DISPORA", "Dinas Kepemudaan dan Olahraga", "dinas", 0.003, null),
        ("DINSOS", "Dinas Sosial", "dinas", 0.004, null),
        ("DAMKAR", "Dinas Pemadam Kebakaran dan Penanggulangan Bencana", "dinas", 0.007, null),
        ("DISNAKER", "Dinas Ketenagakerjaan", "dinas", 0.003, null),
        ("DPPPA", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Pemberdayaan Masyarakat", "dinas", 0.003, null),
        ("DPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "dinas", 0.004, null),
        ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "dinas", 0.005, Population),
        ("DPKP", "Dinas Pertanian dan Ketahanan Pangan", "dinas", 0.004, null),
        ("DISKAN", "Dinas Perikanan", "dinas", 0.002, null),
        ("DINKOP", "Dinas Koperasi dan Usaha Kecil Menengah", "dinas", 0.003, null),
        ("DISDAG", "Dinas Perdagangan", "dinas", 0.004, null),
        ("DISPERIN", "Dinas Perindustrian", "dinas", 0.002, null),
        ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", 0.004, Population),
        ("DLHK", "Dinas Lingkungan Hidup dan Kebersihan", "dinas", 0.010, null),
        ("DISPAR", "Dinas Pariwisata", "dinas", 0.003, null),
        ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "dinas", 0.004, null),
        ("DISPUSTAKA", "Dinas Kearsipan dan Perpustakaan", "dinas", 0.003, null),
        ("RSUD-BARI", "RSUD Palembang BARI", "rsud", 0.050, 450_000),
        ("RSUD-GANDUS", "RSUD Gandus", "rsud", 0.015, 180_000),
    ];

    /// <summary>Kecamatan with their kelurahan (post-2018 boundaries: Jakabaring and Ilir Timur III formed).</summary>
    private static readonly (string Kecamatan, long Populasi, string[] Kelurahan)[] Wilayah =
    [
        ("Ilir Timur I", 70_000, ["13 Ilir", "14 Ilir", "15 Ilir", "16 Ilir", "17 Ilir", "18 Ilir", "20 Ilir D I", "20 Ilir D III", "20 Ilir D IV", "Kepandean Baru", "Sungai Pangeran"]),
        ("Ilir Timur II", 95_000, ["1 Ilir", "2 Ilir", "3 Ilir", "Sungai Buah", "Kuto Batu", "Lawang Kidul"]),
        ("Ilir Timur III", 80_000, ["5 Ilir", "8 Ilir", "9 Ilir", "10 Ilir", "11 Ilir", "Duku"]),
        ("Ilir Barat I", 140_000, ["Bukit Lama", "Bukit Baru", "Lorok Pakjo", "26 Ilir D I", "Demang Lebar Daun", "Siring Agung"]),
        ("Ilir Barat II", 70_000, ["27 Ilir", "28 Ilir", "29 Ilir", "30 Ilir", "32 Ilir", "35 Ilir", "Kemang Manis"]),
        ("Seberang Ulu I", 90_000, ["1 Ulu", "2 Ulu", "3-4 Ulu", "5 Ulu", "7 Ulu"]),
        ("Seberang Ulu II", 100_000, ["11 Ulu", "12 Ulu", "13 Ulu", "14 Ulu", "16 Ulu", "Tangga Takat", "Sentosa"]),
        ("Jakabaring", 95_000, ["8 Ulu", "9-10 Ulu", "15 Ulu", "Silaberanti", "Tuan Kentang"]),
        ("Bukit Kecil", 45_000, ["19 Ilir", "22 Ilir", "23 Ilir", "24 Ilir", "26 Ilir", "Talang Semut"]),
        ("Kemuning", 90_000, ["20 Ilir D II", "Ario Kemuning", "Sekip Jaya", "Pahlawan", "Pipa Reja", "Talang Aman"]),
        ("Kalidoni", 120_000, ["Bukit Sangkal", "Kalidoni", "Sungai Selayur", "Sungai Selincah", "Sungai Lais"]),
        ("Sako", 95_000, ["Sukamaju", "Sako", "Sialang", "Sako Baru"]),
        ("Sematang Borang", 45_000, ["Srimulya", "Sukamulya", "Lebung Gajah", "Karya Mulia"]),
        ("Sukarami", 175_000, ["Talang Betutu", "Sukajaya", "Sukarami", "Kebun Bunga", "Sukabangun", "Talang Jambe", "Sukodadi"]),
        ("Alang-Alang Lebar", 110_000, ["Alang-Alang Lebar", "Srijaya", "Talang Kelapa", "Karya Baru"]),
        ("Gandus", 75_000, ["Gandus", "Karang Anyar", "36 Ilir", "Karang Jaya", "Pulo Kerto"]),
        ("Kertapati", 95_000, ["Kemas Rindo", "Kemang Agung", "Keramasan", "Kertapati", "Karya Jaya", "Ogan Baru"]),
        ("Plaju", 105_000, ["Plaju Ulu", "Plaju Darat", "Plaju Ilir", "Talang Bubuk", "Komperta", "Talang Putri", "Bagus Kuning"]),
    ];

    private const double KecamatanWeight = 0.0017;   // ~25 staff of 15 000
    private const double KelurahanWeight = 0.0007;   // ~10 staff of 15 000

    /// <summary>All units in a fixed order (the order of the unit_kerja file).</summary>
    public static IReadOnlyList<Unit> Units { get; } = Build();

    private static List<Unit> Build()
    {
        var units = new List<Unit>();
        foreach (var (kode, nama, jenis, weight, pop) in Opd)
            units.Add(new Unit(units.Count, kode, nama, jenis, null, pop, weight));
        foreach (var (kec, pop, kels) in Wilayah)
        {
            var kecKode = "KEC-" + Slug(kec);
            units.Add(new Unit(units.Count, kecKode, "Kecamatan " + kec, "kecamatan", null, pop, KecamatanWeight));
            // Split the kecamatan population over its kelurahan by a fixed, uneven pattern.
            long remaining = pop;
            for (var k = 0; k < kels.Length; k++)
            {
                var share = k == kels.Length - 1 ? remaining : pop * (8 + (k * 7 % 5)) / (10L * kels.Length);
                remaining -= share;
                units.Add(new Unit(units.Count, "KEL-" + Slug(kels[k]), "Kelurahan " + kels[k], "kelurahan", kecKode, share, KelurahanWeight));
            }
        }
        return units;
    }

    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToUpperInvariant())
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return sb.ToString();
    }
}
