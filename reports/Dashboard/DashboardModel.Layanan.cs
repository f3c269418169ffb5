using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>Placement and service (issue 15 item 5) on /dasbor/penempatan.</summary>
public sealed partial class DashboardModel
{
    /// <summary>
    /// Per service unit: load per employee and tenure beside IKM and the leave processing time (mart_penempatan_layanan through
    /// <see cref="LayananPublik"/>: units under 5 staff show "&lt;5" and no staff figure). Highest load ratio first.
    /// </summary>
    public IReadOnlyList<Dictionary<string, object?>> LayananTable(DashboardFilter f) =>
        LayananPublik.Rows(data.PenempatanLayanan, minCell)
            .Where(r => f.Unit is null || r.KodeUnit == f.Unit)
            .OrderByDescending(r => r.RasioBeban ?? -1).ThenBy(r => data.UnitName(r.KodeUnit), NaturalOrder.Instance)
            .Select(r => Row(("kode_unit", r.KodeUnit), ("unit", data.UnitName(r.KodeUnit)), ("jenis_unit", r.JenisUnit),
                ("pegawai", (object?)r.Pegawai ?? suppressed), ("responden_per_pegawai", Round(r.RespondenPerPegawai)),
                ("rasio_beban", r.RasioBeban is { } x ? Math.Round(x, 2) : null), ("kategori_beban", r.KategoriBeban),
                ("median_tahun_unit", Round(r.MedianTahunUnit)), ("ikm_periode", r.IkmPeriode), ("ikm", r.Ikm),
                ("cuti_median_hari_kerja", r.CutiMedianHariKerja is { } h ? Math.Round(h, 2) : null)))
            .ToList();
}
