using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// /dasbor/penempatan (issue 15): six questions, each a section with its anchor, one sentence, a headline read off its table,
/// one chart and the table; the section list stays at the top of the screen, so kesesuaian and formasi are one tap away.
/// </summary>
public static partial class DashboardEndpoints
{
    private static void MapPenempatanPage(IEndpointRouteBuilder app)
    {
        app.MapGet("/dasbor/penempatan", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/dasbor/penempatan", t.T("Gelombang pensiun dan rotasi", "Retirement wave and rotation"),
            [Units(t, m, f.Unit)], [], [], sections: PenempatanSections(m, t, f))));
        app.MapGet("/api/penempatan/ringkasan/{bagian}", (HttpContext ctx, string bagian) =>
            DashboardModel.PenempatanBagian.Contains(bagian) ? Json(ctx, (m, f) => m.PenempatanHeadline(bagian, f)) : Results.NotFound());
    }

    private static SectionSpec[] PenempatanSections(DashboardModel m, ReportText t, DashboardFilter f)
    {
        var tables = PenempatanTables(t);
        SectionSpec S(string bagian, string label, string question, string alt, string? note)
        {
            var h = m.PenempatanHeadline(bagian, f);
            return new SectionSpec(bagian, label, question, "/api/penempatan/ringkasan/" + bagian, h.Text, h.Value, ($"/chart/penempatan_{bagian}.png", alt), note, [tables[bagian]]);
        }
        return
        [
            S("pensiun", t.T("Pensiun", "Retirement"), t.T("Unit dan kelompok jabatan mana yang kehilangan banyak pegawai karena pensiun dalam 5 tahun ke depan?",
                "Which units and jabatan groups lose many staff to retirement in the next 5 years?"), t.T("Pensiun dalam 2 tahun", "Retiring within 2 years"), t.T(
                "BUP menurut PP 11/2017 Pasal 239 (58 administrasi, ahli pertama/muda, keterampilan; 60 pimpinan tinggi, ahli madya; 65 ahli utama) dan UU 14/2005 Pasal 30 (guru 60); TMT pensiun tanggal 1 bulan sesudah ulang tahun pada BUP. " +
                "Jenjang fungsional yang tak terbaca dari nama jabatan: \"tidak diketahui\", tidak ditebak. Gelombang: kelompok kehilangan ≥ 20 % dalam 2 tahun.",
                "BUP per PP 11/2017 Article 239 (58 administrative, first/junior expert, skilled; 60 senior executive, senior expert; 65 principal expert); retirement on the 1st of the month after the BUP birthday. " +
                "A functional level not readable from the position name is \"unknown\", never guessed. Wave: a group losing ≥ 20 % within 2 years.")),
            S("masa-kerja", t.T("Masa kerja & rotasi", "Tenure & rotation"), t.T("Di unit mana pegawai bertahan lama tanpa rotasi?", "Where do staff stay long without rotation?"),
                t.T("Median masa kerja di unit", "Median years in the unit"),
                t.T("Rotasi = mutasi atau promosi antarunit. Pensiun dan berhenti dihitung terpisah dari rotasi.", "Rotation = a move or promotion between units. Retirements and resignations are counted apart from rotations.")),
            S("beban", t.T("Beban layanan", "Service load"), t.T("Unit mana yang melayani jauh lebih banyak warga per pegawai daripada unit sejenis?",
                "Which units serve far more citizens per employee than units of their type?"), t.T("Rasio beban ke median", "Load ratio to median"), t.T(
                "Beban = responden SKM per pegawai, proksi volume layanan (sampel survei, bukan jumlah layanan), dibanding median unit sejenis (≥ 5 pegawai, ≥ 4 unit); tinggi ≥ 2×, rendah ≤ 0,5×.",
                "Load = SKM respondents per employee, a proxy for service volume (a survey sample, not a count of services), against the median of units of the same type (≥ 5 staff, ≥ 4 units); high ≥ 2×, low ≤ 0.5×.")),
            S("layanan", t.T("Beban & IKM", "Load & IKM"), t.T("Apakah unit yang bebannya tinggi melayani lebih buruk (IKM, waktu proses cuti)?",
                "Do units under high load serve worse (IKM, leave processing time)?"), t.T("Beban dan IKM per unit", "Load and IKM by unit"), null),
            S("kesesuaian", t.T("Kesesuaian pendidikan", "Education fit"), t.T("Berapa pegawai yang pendidikannya di bawah minimum jabatannya?",
                "How many staff have less than their position's minimum education?"), t.T("Persen di bawah pendidikan minimum", "Percent below the minimum education"), KomposisiNote(t)),
            S("formasi", t.T("Formasi", "Staffing"), t.T("Berapa pegawai per jenis jabatan dan golongan?", "How many staff per position type and golongan?"),
                t.T("Pegawai per jenis jabatan", "Staff by position type"), t.T("Golongan: PNS I–IV dari golongan/ruang, PPPK terpisah.", "Golongan: PNS I–IV from golongan/ruang, PPPK apart.")),
        ];
    }

    private static Dictionary<string, TableSpec> PenempatanTables(ReportText t) => new()
    {
        ["pensiun"] = new TableSpec("/api/penempatan/pensiun", t.T("Pensiun per unit dan kelompok jabatan (tahun ke-1…5 sesudah tanggal acuan)", "Retirements by unit and jabatan group (years 1…5 after the reference date)"),
            [("unit", "Unit"), ("kelompok", t.T("Kelompok jabatan", "Jabatan group")), ("bup", "BUP"), ("pegawai", t.T("Pegawai", "Employees")),
             ("pensiun_1", t.T("Tahun 1", "Year 1")), ("pensiun_2", t.T("Tahun 2", "Year 2")), ("pensiun_3", t.T("Tahun 3", "Year 3")), ("pensiun_4", t.T("Tahun 4", "Year 4")),
             ("pensiun_5", t.T("Tahun 5", "Year 5")), ("pensiun_jendela", t.T("Pensiun dalam 2 tahun", "Retiring within 2 years")), ("persen_jendela", t.T("Persen", "Percent")),
             ("gelombang", t.T("Gelombang", "Wave"))]),
        ["masa-kerja"] = new TableSpec("/api/penempatan/masa-kerja", t.T("Masa kerja dan rotasi per unit", "Tenure and rotation by unit"),
            [("unit", "Unit"), ("pegawai", t.T("Pegawai", "Employees")), ("median_tahun_unit", t.T("Median tahun di unit", "Median years in unit")),
             ("persen_unit_lebih_5", t.T("% > 5 tahun di unit", "% > 5 years in unit")), ("median_tahun_jabatan", t.T("Median tahun di jabatan", "Median years in position")),
             ("persen_jabatan_lebih_5", t.T("% > 5 tahun di jabatan", "% > 5 years in position")), ("tahun_sejak_rotasi", t.T("Tahun sejak rotasi", "Years since rotation")),
             ("tanpa_rotasi", t.T("Tanpa rotasi", "No rotation")), ("masuk_12_bulan", t.T("Masuk 12 bln", "In, 12 mo")), ("keluar_12_bulan", t.T("Keluar 12 bln", "Out, 12 mo")),
             ("pensiun_12_bulan", t.T("Pensiun 12 bln", "Retired, 12 mo")), ("berhenti_12_bulan", t.T("Berhenti 12 bln", "Left, 12 mo"))]),
        ["beban"] = new TableSpec("/api/penempatan/beban", t.T("Pegawai terhadap beban layanan (12 bulan sampai tanggal acuan)", "Staff against service load (12 months to the reference date)"),
            [("unit", "Unit"), ("jenis_unit", t.T("Jenis unit", "Unit type")), ("pegawai", t.T("Pegawai", "Employees")), ("responden_skm", t.T("Responden SKM", "SKM respondents")),
             ("responden_per_pegawai", t.T("Responden per pegawai", "Respondents per employee")), ("median_responden_per_pegawai", t.T("Median jenis unit", "Unit-type median")),
             ("rasio_median", t.T("Rasio ke median", "Ratio to median")), ("kategori", t.T("Beban", "Load")),
             ("tambahan_pegawai_ke_median", t.T("Kurang pegawai (ke median)", "Staff short (to median)")),
             ("cuti_per_pegawai", t.T("Pengajuan cuti per pegawai", "Leave requests per employee")), ("populasi_per_pegawai", t.T("Penduduk per pegawai", "Population per employee"))]),
        ["layanan"] = new TableSpec("/api/penempatan/layanan", t.T("Penempatan dan layanan per unit — " + Kepegawaian.Analytics.Ikm.IkmAssociation.Note,
                "Placement and service by unit — an association between units, not cause and effect."),
            [("unit", "Unit"), ("jenis_unit", t.T("Jenis unit", "Unit type")), ("pegawai", t.T("Pegawai", "Employees")),
             ("responden_per_pegawai", t.T("Responden per pegawai", "Respondents per employee")), ("rasio_beban", t.T("Rasio beban ke median", "Load ratio to median")),
             ("median_tahun_unit", t.T("Median tahun di unit", "Median years in unit")), ("ikm_periode", t.T("Triwulan IKM", "IKM quarter")), ("ikm", "IKM"),
             ("cuti_median_hari_kerja", t.T("Median proses cuti (hari kerja)", "Median leave processing (working days)"))]),
        ["kesesuaian"] = KomposisiTables(t)[0],
        ["formasi"] = KomposisiTables(t)[1],
    };
}
