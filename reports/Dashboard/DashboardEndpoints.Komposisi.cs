using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>The staff-composition section of /dasbor/penempatan (issue 15 items 4 and 1): two tables, their note and their API routes.</summary>
public static partial class DashboardEndpoints
{
    private static TableSpec[] KomposisiTables(ReportText t) =>
    [
        new TableSpec("/api/penempatan/kesesuaian", t.T("Kesesuaian pendidikan dengan jabatan (pendidikan di bawah minimum jabatan)", "Fit to position (education below the position's minimum)"),
            [("unit", "Unit"), ("kelompok", t.T("Kelompok jabatan", "Jabatan group")), ("pendidikan_minimum", t.T("Pendidikan minimum", "Minimum education")),
             ("pegawai", t.T("Pegawai", "Employees")), ("kurang", t.T("Di bawah minimum", "Below minimum")), ("persen_kurang", t.T("% di bawah minimum", "% below minimum")),
             ("tidak_diketahui", t.T("Tidak diketahui", "Unknown"))]),
        new TableSpec("/api/penempatan/formasi", t.T("Pegawai per jenis jabatan dan golongan (kota dan jumlah per unit; pilih unit untuk rinciannya)",
                "Staff by jenis jabatan and golongan (city and unit totals; pick a unit for its breakdown)"),
            [("unit", "Unit"), ("jenis_jabatan", t.T("Jenis jabatan", "Position type")), ("pegawai", t.T("Pegawai", "Employees")), ("gol_i", "Gol. I"), ("gol_ii", "Gol. II"),
             ("gol_iii", "Gol. III"), ("gol_iv", "Gol. IV"), ("pppk", "PPPK"), ("golongan_tidak_diketahui", t.T("Golongan tidak diketahui", "Golongan unknown"))]),
    ];

    private static string KomposisiNote(ReportText t) => t.T(
        "Pendidikan minimum (tabel pendidikan_minimum.csv, periksa terhadap peraturan): pimpinan tinggi dan administrator S-1/D-IV (PP 11/2017 Pasal 107 dan 54), " +
        "pengawas D-III (Pasal 55), fungsional ahli dan guru S-1/D-IV, keterampilan D-III (PermenPANRB 1/2023, UU 14/2005 Pasal 9), pelaksana SLTA " +
        "(PermenPANRB 41/2018, batas bawah); D-IV setara S-1. Persen di bawah minimum dihitung dari pegawai yang pendidikan dan jenjangnya diketahui; " +
        "pendidikan kosong atau jenjang fungsional yang tak terbaca dihitung terpisah sebagai \"tidak diketahui\", tidak pernah sebagai kurang. " +
        "Golongan: PNS I–IV dari golongan/ruang, PPPK terpisah.",
        "Minimum education (table pendidikan_minimum.csv, check against the regulations): senior executive and administrator S-1/D-IV (PP 11/2017 Articles 107 and 54), " +
        "supervisor D-III (Article 55), functional expert and teacher S-1/D-IV, skilled D-III (PermenPANRB 1/2023, UU 14/2005 Article 9), staff SLTA " +
        "(PermenPANRB 41/2018, the floor); D-IV equals S-1. The percent below minimum is of the staff whose education and level are known; " +
        "missing education or an unreadable functional level count apart as \"unknown\", never as below minimum. " +
        "Golongan: PNS I–IV from golongan/ruang, PPPK apart.");

    private static void MapKomposisiApi(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/penempatan/kesesuaian", (HttpContext ctx) => Json(ctx, (m, f) => m.KesesuaianTable(f)));
        app.MapGet("/api/penempatan/formasi", (HttpContext ctx) => Json(ctx, (m, f) => m.FormasiTable(f)));
    }
}
