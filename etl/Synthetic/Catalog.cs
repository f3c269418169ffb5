namespace Kepegawaian.Etl.Synthetic;

/// <summary>A training course: kode, nama, jenis_pelatihan and its range of JP (1 JP = 45 minutes).</summary>
internal sealed record Course(string Kode, string Nama, string Jenis, int JpMin, int JpMax);

/// <summary>Word lists for names, jabatan, courses, services and survey free text.</summary>
internal static class Catalog
{
    public static readonly string[] FirstMale =
        ["Muhammad", "Ahmad", "Rizky", "Andi", "Hendra", "Agus", "Budi", "Fajar", "Dedi", "Irwan", "Yudi", "Rahmat", "Arief", "Deni", "Hadi",
         "Iqbal", "Joko", "Kurniawan", "Novri", "Reza", "Syahril", "Taufik", "Wahyu", "Zainal", "Firmansyah", "Kemas", "Masagus", "Raden", "Ferry", "Sugeng"];

    public static readonly string[] FirstFemale =
        ["Siti", "Nur", "Dewi", "Rina", "Sri", "Yuli", "Fitri", "Indah", "Lestari", "Maya", "Novita", "Putri", "Ratna", "Sari", "Wulan",
         "Ayu", "Desi", "Eka", "Herlina", "Kartika", "Lia", "Mega", "Nurul", "Rahmawati", "Yanti", "Nyimas", "Masayu", "Meli", "Septi", "Umi"];

    public static readonly string[] Last =
        ["Saputra", "Pratama", "Wijaya", "Kurniawan", "Hidayat", "Syahputra", "Santoso", "Setiawan", "Gunawan", "Hakim", "Nugroho", "Ramadhan",
         "Susanti", "Anggraini", "Oktaviani", "Handayani", "Permatasari", "Wulandari", "Febriani", "Yuliana", "Aminah", "Fauzi", "Harahap",
         "Siregar", "Lubis", "Nasution", "Rasyid", "Alamsyah", "Effendi", "Hasibuan", "Marzuki", "Yusuf", "Zulkarnain", "Apriyani", "Safitri"];

    // Fungsional jabatan by unit kind; the level (Ahli Pertama/Muda/Madya, Terampil/Mahir) follows golongan.
    public static readonly string[] FungsionalGuru = ["Guru Kelas", "Guru Matematika", "Guru Bahasa Indonesia", "Guru IPA", "Guru Pendidikan Agama Islam", "Guru Bahasa Inggris", "Guru PJOK", "Guru BK"];
    public static readonly string[] FungsionalNakes = ["Perawat", "Bidan", "Dokter", "Apoteker", "Pranata Laboratorium Kesehatan", "Nutrisionis", "Sanitarian", "Perekam Medis", "Dokter Gigi", "Radiografer"];
    public static readonly string[] FungsionalUmum = ["Analis Kebijakan", "Pranata Komputer", "Arsiparis", "Perencana", "Analis Keuangan Pusat dan Daerah", "Pengelola Pengadaan Barang/Jasa", "Analis Sumber Daya Manusia Aparatur", "Pustakawan"];
    public static readonly string[] FungsionalInspektorat = ["Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah"];
    public static readonly string[] Pelaksana = ["Pengadministrasi Umum", "Pengelola Data", "Pengadministrasi Perkantoran", "Operator Layanan Operasional", "Penata Layanan Operasional", "Pengelola Keuangan", "Pengemudi", "Pengelola Layanan Kependudukan"];

    public static readonly Course[] Courses =
    [
        new("LATSAR-CPNS-III", "Pelatihan Dasar CPNS Golongan III", "latsar", 300, 340),
        new("LATSAR-CPNS-II", "Pelatihan Dasar CPNS Golongan II", "latsar", 300, 320),
        new("PKP", "Pelatihan Kepemimpinan Pengawas", "manajerial", 160, 200),
        new("PKA", "Pelatihan Kepemimpinan Administrator", "manajerial", 180, 200),
        new("MANJ-KINERJA", "Manajemen Kinerja Organisasi", "manajerial", 40, 60),
        new("MANJ-PERUBAHAN", "Manajemen Perubahan dan Inovasi", "manajerial", 40, 80),
        new("TEK-SIPD", "Penatausahaan Keuangan Daerah pada SIPD", "teknis", 24, 40),
        new("TEK-PBJ", "Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", "teknis", 30, 60),
        new("TEK-ARSIP", "Pengelolaan Arsip Dinamis dan Digital", "teknis", 16, 32),
        new("TEK-PELAYANAN", "Pelayanan Prima", "teknis", 10, 24),
        new("TEK-SPBE", "Sistem Pemerintahan Berbasis Elektronik", "teknis", 16, 40),
        new("TEK-KURMER", "Implementasi Kurikulum Merdeka", "teknis", 24, 48),
        new("TEK-PPGD", "Penanggulangan Penderita Gawat Darurat", "teknis", 30, 60),
        new("FUNG-GURU", "Pengembangan Keprofesian Berkelanjutan Guru", "fungsional", 20, 60),
        new("FUNG-NAKES", "Peningkatan Kompetensi Jabatan Fungsional Kesehatan", "fungsional", 20, 80),
        new("FUNG-UMUM", "Pelatihan Jabatan Fungsional", "fungsional", 30, 80),
        new("SOSKUL-MODERASI", "Moderasi Beragama", "sosial_kultural", 8, 24),
        new("SOSKUL-KEBANGSAAN", "Wawasan Kebangsaan dan Nilai-Nilai Bela Negara", "sosial_kultural", 8, 24),
        new("EL-BERAKHLAK", "E-Learning Core Values ASN BerAKHLAK", "e_learning", 2, 10),
        new("EL-LITDIG", "E-Learning Literasi Digital", "e_learning", 4, 20),
        new("EL-ANTIKORUPSI", "E-Learning Penyuluh Antikorupsi", "e_learning", 4, 16),
        new("EL-SMARTASN", "E-Learning Smart ASN", "e_learning", 2, 12),
    ];

    public static Course[] CoursesOf(string jenis) => Courses.Where(c => c.Jenis == jenis).ToArray();

    public static string[] LayananFor(Unit u) => u.Jenis switch
    {
        "kelurahan" => ["Surat Keterangan", "Surat Pengantar KTP-el", "Surat Keterangan Domisili", "Surat Keterangan Tidak Mampu"],
        "kecamatan" => ["KTP-el", "Kartu Keluarga", "Surat Keterangan", "Izin Usaha Mikro", "Legalisasi Dokumen"],
        "rsud" => ["Rawat Jalan", "Rawat Inap", "Instalasi Gawat Darurat", "Laboratorium"],
        _ => u.Kode switch
        {
            "DISDUKCAPIL" => ["KTP-el", "Akta Kelahiran", "Kartu Keluarga", "Akta Kematian", "Kartu Identitas Anak"],
            "DPMPTSP" => ["Izin Usaha", "Persetujuan Bangunan Gedung", "Izin Praktik Tenaga Kesehatan", "Izin Reklame"],
            "DINKES" => ["Pelayanan Puskesmas", "Imunisasi", "Surat Keterangan Sehat", "Izin Praktik"],
            _ => ["Layanan Umum"],
        },
    };

    public static readonly string[] PendidikanResponden = ["SD", "SMP", "SMA", "D3", "S1", "S2"];
    public static readonly double[] PendidikanRespondenWeights = [0.08, 0.14, 0.45, 0.08, 0.22, 0.03];
    public static readonly string[] Pekerjaan = ["PNS", "TNI/Polri", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Ibu Rumah Tangga", "Buruh", "Lainnya"];

    /// <summary>Free-text suggestions, including text that must be escaped downstream (HTML, spreadsheet formulas, quotes, commas).</summary>
    public static readonly string[] Saran =
    [
        "Pelayanan sudah baik, pertahankan.",
        "Antrean terlalu lama, mohon ditambah petugas.",
        "Petugas ramah dan cepat.",
        "Ruang tunggu panas, AC sering mati.",
        "Informasi persyaratan kurang jelas, tolong dipasang di papan pengumuman.",
        "Pengaduan saya belum ditanggapi sampai sekarang.",
        "Tolong sediakan layanan online, supaya tidak bolak-balik.",
        "Parkir sempit, \"susah\" cari tempat.",
        "Bagus, tapi jam buka sering terlambat, pukul 08.30 baru mulai.",
        "<script>alert('skm')</script>",
        "=cmd|' /C calc'!A0",
        "+62 811-7800-xxx hubungi saya, terima kasih",
        "Mantap 👍 pelayanan cepat & tepat",
    ];
}
