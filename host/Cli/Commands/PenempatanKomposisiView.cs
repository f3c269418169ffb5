using System.CommandLine;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// `penempatan --show kesesuaian|formasi` (issue 15 items 4 and 1): education against the position's minimum and the headcount
/// by jenis_jabatan × golongan, per unit and for the city (kode_unit KOTA). Reads mart_kesesuaian / mart_formasi beside the
/// retirement and tenure marts, or computes all of them at `--per DATE`; small cells hidden by <see cref="KomposisiPublik"/>
/// (one suppression with the retirement table, so a headcount it hides stays hidden here).
/// </summary>
internal static class PenempatanKomposisiView
{
    public static int Write(ParseResult parse, DuckDBConnection c, string view, DateOnly? tanggal, string? kode, OutputFormat fmt)
    {
        var options = CliConfiguration.Analytics.Penempatan;
        var output = parse.InvocationConfiguration.Output;
        var min = CliSmallCells.MinCellSize;
        KomposisiResult komposisi;
        PenempatanResult? penempatan;
        if (tanggal is { } t)
        {
            komposisi = KomposisiAnalysis.Compute(c, t, options);
            penempatan = PenempatanAnalysis.Compute(c, t, options);
        }
        else
        {
            komposisi = KomposisiAnalysis.Read(c)
                ?? throw new OperatorException($"Mart {view} belum dibangun. Jalankan 'kepegawaian etl' (penyegaran mart) atau pakai --per TANGGAL. " +
                                               $"/ mart_{view} not built yet: run etl, or pass --per DATE.");
            penempatan = PenempatanQueries.Read(c);
        }
        if (view == "formasi")
        {
            ResultWriter.Write(output, KomposisiPublik.Formasi(komposisi, penempatan, min, options.GelombangYears).Where(r => kode is null || r.KodeUnit == kode).ToList(), fmt);
            if (fmt == OutputFormat.Table)
                output.WriteLine($"Per {komposisi.TanggalAcuan:yyyy-MM-dd}. Pegawai per jenis jabatan dan kelompok golongan: PNS/CPNS I, II, III, IV (dari golongan/ruang), PPPK terpisah; " +
                                 $"golongan kosong atau tak dikenal: golongan_tidak_diketahui. Baris 'semua' = seluruh unit; KOTA = seluruh kota. Sel < {min} pegawai disembunyikan.");
            return CliApp.Ok;
        }
        ResultWriter.Write(output, KomposisiPublik.Kesesuaian(komposisi, penempatan, min, options.GelombangYears).Where(r => kode is null || r.KodeUnit == kode).ToList(), fmt);
        if (fmt == OutputFormat.Table)
            output.WriteLine($"Per {komposisi.TanggalAcuan:yyyy-MM-dd}. Pendidikan minimum (tabel pendidikan_minimum.csv / Analytics:Penempatan:PendidikanTable): " +
                             $"jpt dan administrator S-1/D-IV (PP 11/2017 Pasal 107, 54), pengawas D-III (Pasal 55), fungsional ahli dan guru S-1/D-IV, keterampilan D-III " +
                             $"(PermenPANRB 1/2023, UU 14/2005 Pasal 9), pelaksana SLTA (PermenPANRB 41/2018, batas bawah); D-IV setara S-1. " +
                             $"kurang: di bawah minimum; share_kurang = kurang / (kurang + sesuai). tidak_diketahui: pendidikan kosong atau jenjang fungsional tak terbaca " +
                             $"dari nama_jabatan — dihitung terpisah, tidak pernah sebagai kurang. Sel < {min} pegawai disembunyikan.");
        return CliApp.Ok;
    }
}
