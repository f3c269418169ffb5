namespace Kepegawaian.Analytics.Penempatan;

/// <summary>
/// The placement findings the weekly brief lists under "Perlu tindakan", in one place so the brief and the recovery
/// tests read the same definition: only rows that survive the small-cell rule (<see cref="PenempatanPublik"/>).
/// </summary>
public static class PenempatanSinyal
{
    /// <summary>"Gelombang pensiun": flagged retirement waves whose counts can be shown, largest share first.</summary>
    public static IReadOnlyList<PensiunPublikRow> Gelombang(PenempatanResult result, int minCellSize) =>
        PenempatanPublik.Pensiun(result, minCellSize)
            .Where(w => w.Gelombang == true && w.PensiunJendela is not null && w.Pegawai is not null)
            .OrderByDescending(w => w.ShareJendela).ThenBy(w => w.KodeUnit, StringComparer.Ordinal)
            .ToList();

    /// <summary>"Beban per pegawai tinggi": units rated <c>tinggi</c> whose ratio and staffing gap can be shown, highest ratio first.</summary>
    public static IReadOnlyList<BebanPublikRow> BebanTinggi(IReadOnlyList<BebanRow> rows, int minCellSize) =>
        PenempatanPublik.Beban(rows, minCellSize)
            .Where(b => b.Kategori == BebanAnalysis.KategoriTinggi && b.RasioMedian is not null && b.TambahanPegawaiKeMedian is not null)
            .OrderByDescending(b => b.RasioMedian).ThenBy(b => b.KodeUnit, StringComparer.Ordinal)
            .ToList();
}
