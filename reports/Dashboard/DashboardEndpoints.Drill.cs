using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Kepegawaian.Reports.Weekly.HtmlReportRenderer;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// The drill-down (issue 12.4): <c>/dasbor/wilayah</c> city → <c>?area=K</c> kecamatan area → <c>&amp;unit=U</c> unit page
/// (IKM, unsur, kinerja, leave and 20 JP of that unit through the existing APIs with a unit filter). The query string is
/// the state, so a link can be shared; a breadcrumb leads back up. <c>/hr/wilayah</c> is the same walk behind the HR
/// token, and its unit page adds the unit's employees below 20 JP (names, NIP); the policy page only links there.
/// </summary>
public static partial class DashboardEndpoints
{
    private static void MapDrill(IEndpointRouteBuilder app, IEndpointRouteBuilder hr)
    {
        app.MapGet("/dasbor/wilayah", (HttpContext ctx) => Page(ctx, (m, t, f) => DrillPage(ctx, m, t, f, hrPage: false)));
        hr.MapGet("/hr/wilayah", (HttpContext ctx) => Page(ctx, (m, t, f) => DrillPage(ctx, m, t, f, hrPage: true)));
        app.MapGet("/api/wilayah", (HttpContext ctx) => Json(ctx, (m, f) => Drill(ctx, m).AreaTable(f)));
        app.MapGet("/api/wilayah/unit", (HttpContext ctx) => Json(ctx, (m, f) => Drill(ctx, m).UnitTable(AreaParam(ctx) ?? "", f)));
    }

    private static string? AreaParam(HttpContext ctx) => ctx.Request.Query["area"].FirstOrDefault() is { Length: > 0 } a ? a : null;

    private static DrillModel Drill(HttpContext ctx, DashboardModel m) =>
        new(ctx.RequestServices.GetRequiredService<DashboardDataCache>().Get(), ctx.RequestServices.GetRequiredService<DrillUnitCache>().Get(), m, Text(ctx),
            ReportOpts(ctx).MinCellSize);

    private static string DrillPage(HttpContext ctx, DashboardModel m, ReportText t, DashboardFilter f, bool hrPage)
    {
        var d = Drill(ctx, m);
        var path = hrPage ? "/hr/wilayah" : "/dasbor/wilayah";
        var area = d.IsArea(AreaParam(ctx)) ? AreaParam(ctx) : null;
        var unit = area is null ? null : d.Unit(area, f.Unit);
        var periode = Periods(t, m.IkmPeriods(), f.Periode);
        var year = m.PickYear(f.Tahun)?.ToString(CultureInfo.InvariantCulture);
        var filters = new List<FilterSpec>
        {
            periode,
            new("tahun", t.T("Tahun 20 JP", "20 JP year"), m.JpYears().Select(y => (y.ToString(CultureInfo.InvariantCulture), t.Period(y.ToString(CultureInfo.InvariantCulture)))).ToList(), year, false),
        };
        if (area is not null) filters.Add(new FilterSpec("area", "area", [], area, false, Hidden: true));
        if (unit is not null) filters.Add(new FilterSpec("unit", "unit", [], unit.Kode, false, Hidden: true));

        string Href(string? a, string? u)
        {
            var q = new List<string>();
            if (periode.Selected is { } p) q.Add("periode=" + Uri.EscapeDataString(p));
            if (year is not null) q.Add("tahun=" + year);
            if (a is not null) q.Add("area=" + Uri.EscapeDataString(a));
            if (u is not null) q.Add("unit=" + Uri.EscapeDataString(u));
            return path + "?" + string.Join("&", q);
        }

        var ikmCols = new List<(string, string)> { ("responden", t.T("Responden", "Respondents")), ("ikm", "IKM"), ("mutu", t.T("Mutu", "Grade")) };
        var jpCols = new List<(string, string)> { ("pegawai", t.T("Pegawai (20 JP)", "Employees (20 JP)")), ("patuh", t.T("Patuh 20 JP", "Met 20 JP")), ("persen_patuh", t.T("Persen patuh", "Percent compliant")) };
        string title;
        IReadOnlyList<(string, string)> charts = [];
        List<TableSpec> tables;
        var crumbs = new StringBuilder($"<div class=\"breadcrumb\" id=\"breadcrumb\">");
        var city = t.T("Kota Palembang", "Kota Palembang");
        if (area is null)
        {
            title = t.T("Wilayah dan unit kerja", "Areas and units");
            crumbs.Append($"<span>{E(city)}</span>");
            tables = [new TableSpec("/api/wilayah", t.T("Per wilayah kecamatan", "By kecamatan area"),
                [("area", t.T("Wilayah", "Area")), ("jumlah_unit", t.T("Unit", "Units")), .. ikmCols, .. jpCols], new DrillLink("area", "kode_area", "area"))];
        }
        else
        {
            crumbs.Append($"<a href=\"{E(Href(null, null))}\">{E(city)}</a> › ");
            if (unit is null)
            {
                title = d.AreaName(area);
                crumbs.Append($"<span>{E(title)}</span>");
                tables = [new TableSpec("/api/wilayah/unit", t.T("Unit di wilayah ini", "Units of this area"),
                    [("unit", "Unit"), ("jenis_unit", t.T("Jenis", "Kind")), .. ikmCols, .. jpCols, ("n_kinerja", t.T("Pegawai dinilai", "Employees appraised")),
                     ("mean_nilai_skp", t.T("Rata-rata nilai SKP", "Mean SKP score"))], new DrillLink("unit", "kode_unit", "unit"))];
            }
            else
            {
                title = unit.Nama;
                crumbs.Append($"<a href=\"{E(Href(area, null))}\">{E(d.AreaName(area))}</a> › <span>{E(title)}</span>");
                charts = [("/chart/ikm_unsur.png", t.T("Unsur pelayanan", "Service elements")), ("/chart/kinerja_tren.png", t.T("Tren kinerja", "Performance trend")),
                    ("/chart/cuti_waktu.png", t.T("Waktu proses cuti", "Leave processing time"))];
                tables =
                [
                    new TableSpec("/api/ikm", "IKM", [("periode", t.T("Periode", "Period")), .. ikmCols, ("ci_low", t.T("IK 95 % bawah", "95 % CI low")), ("ci_high", t.T("IK 95 % atas", "95 % CI high")),
                        ("kinerja", t.T("Kinerja", "Performance"))]),
                    new TableSpec("/api/kinerja", t.T("Kinerja pegawai", "Employee performance"), [("periode", t.T("Periode", "Period")), ("n", t.T("Pegawai", "Employees")),
                        ("mean_nilai_skp", t.T("Rata-rata nilai SKP", "Mean SKP score")), ("baik_atau_lebih", t.T("Sangat Baik + Baik", "Outstanding + Good")),
                        ("butuh_perbaikan", t.T("Butuh Perbaikan", "Needs improvement")), ("kurang_atau_lebih_buruk", t.T("Kurang + Sangat Kurang", "Poor + Very poor"))]),
                    new TableSpec("/api/cuti", t.T("Layanan cuti per bulan dan kanal", "Leave by month and channel"), [("bulan", t.T("Bulan", "Month")), ("kanal", t.T("Kanal", "Channel")),
                        ("n", t.T("Pengajuan", "Requests")), ("n_tertunda", t.T("Masih diproses", "Pending")), ("median_hari_kerja", t.T("Median hari kerja", "Median working days"))]),
                    new TableSpec("/api/jp", t.T("Kepatuhan 20 JP", "20 JP compliance"), [("tahun", t.T("Tahun", "Year")), ("pegawai", t.T("Pegawai", "Employees")),
                        ("patuh", t.T("Patuh", "Compliant")), ("persen_patuh", t.T("Persen patuh", "Percent compliant"))]),
                ];
                if (hrPage)
                    tables.Add(new TableSpec("/api/hr/jp", t.T("Pegawai unit ini yang belum memenuhi 20 JP (HR)", "Employees of this unit below 20 JP (HR)"),
                        [("nip", "NIP"), ("nama", t.T("Nama", "Name")), ("tahun", t.T("Tahun", "Year")), ("jp", "JP"), ("kekurangan_jp", t.T("Kekurangan JP", "JP still missing"))]));
                else
                    crumbs.Append($"<p><a id=\"hr-pegawai\" href=\"{E("/hr/wilayah" + Href(area, unit.Kode)[path.Length..])}\">{E(t.T("Daftar pegawai unit ini (HR, perlu token)", "This unit's employees (HR, token required)"))}</a></p>");
            }
        }
        crumbs.Append("</div>");
        var html = DashboardPage.Render(t, path, title, filters, charts, tables,
            t.T("Klik nama wilayah untuk melihat unitnya, nama unit untuk halaman unit. Angka wilayah adalah jumlah unit-unitnya. Bila selisih angka wilayah dengan unit yang tampil akan membuka angka yang disembunyikan (<5), angka wilayah itu juga ditampilkan <5.",
                "Click an area's name for its units, a unit's name for the unit's page. Area figures add up their units. Where an area figure minus the units shown would reveal a hidden (<5) figure, the area figure is shown as <5 too."));
        var at = html.IndexOf("</h2>", StringComparison.Ordinal);
        return at < 0 ? html : html.Insert(at + "</h2>".Length, crumbs.ToString());
    }
}
