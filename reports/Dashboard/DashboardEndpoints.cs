using System.Globalization;

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Kepegawaian.Reports.Charts;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Export;
using Kepegawaian.Warehouse;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// The dashboard (spec §1): policy-maker pages under <c>/dasbor</c> (aggregates only), HR pages under
/// <c>/hr</c> (token in header <c>X-Dashboard-Token</c>, <c>Authorization: Bearer</c> or the login
/// cookie), a JSON API under <c>/api</c> and PNG charts under <c>/chart</c> and <c>/hr/chart</c>.
/// </summary>
public static partial class DashboardEndpoints
{
    public const string TokenHeader = "X-Dashboard-Token";
    public const string TokenCookie = "kepegawaian_hr";

    /// <summary>Maps every dashboard route; needs <c>AddReports()</c> (and <c>AddWarehouse()</c>) registered.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        // Every dashboard response: no inline script, no foreign origins, no MIME sniffing.
        var app = endpoints.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return await next(context);
        });
        app.MapGet("/", () => Results.Redirect("/dasbor/ikm"));
        app.MapGet("/assets/dashboard.js", () => Results.Text(Asset("dashboard.js"), "text/javascript; charset=utf-8"));

        // ------------------------------------------------------------ policy-maker pages
        app.MapGet("/dasbor/ikm", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/dasbor/ikm", t.T("Indeks Kepuasan Masyarakat", "Public satisfaction index"),
            [Periods(t, m.IkmPeriods(), f.Periode), Units(t, m, f.Unit)],
            [("/chart/ikm_unit.png", "IKM per unit"), ("/chart/ikm_tren.png", t.T("Tren IKM", "IKM trend")), ("/chart/ikm_unsur.png", t.T("Unsur pelayanan", "Service elements"))],
            [new TableSpec("/api/ikm", t.T("IKM per unit", "IKM by unit"), [("unit", "Unit"), ("periode", t.T("Periode", "Period")), ("responden", t.T("Responden", "Respondents")),
                ("ikm", "IKM"), ("ci_low", t.T("IK 95 % bawah", "95 % CI low")), ("ci_high", t.T("IK 95 % atas", "95 % CI high")), ("mutu", t.T("Mutu", "Grade")), ("kinerja", t.T("Kinerja", "Performance")),
                ("mutu_acuan", t.T("Mutu acuan", "Grade to use")), ("periode_mutu_acuan", t.T("Periode mutu acuan", "Period of that grade"))])],
            t.T("Mutu menurut PermenPANRB 14/2017: A ≥ 88,31; B ≥ 76,61; C ≥ 65,00; D di bawahnya. ", "Grades per PermenPANRB 14/2017: A ≥ 88.31; B ≥ 76.61; C ≥ 65.00; D below. ")
                + t.IndicativeNote())));
        app.MapGet("/dasbor/kinerja", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/dasbor/kinerja", t.T("Kinerja pegawai", "Employee performance"),
            [Periods(t, m.KinerjaPeriods(), f.Periode), Units(t, m, f.Unit)],
            [("/chart/kinerja_predikat.png", t.T("Sebaran predikat", "Rating distribution")), ("/chart/kinerja_tren.png", t.T("Tren kinerja", "Performance trend"))],
            [new TableSpec("/api/kinerja", t.T("Kinerja per unit", "Performance by unit"), [("unit", "Unit"), ("periode", t.T("Periode", "Period")), ("n", t.T("Pegawai", "Employees")),
                ("mean_nilai_skp", t.T("Rata-rata nilai SKP", "Mean SKP score")), ("baik_atau_lebih", t.T("Sangat Baik + Baik", "Outstanding + Good")),
                ("butuh_perbaikan", t.T("Butuh Perbaikan", "Needs improvement")), ("kurang_atau_lebih_buruk", t.T("Kurang + Sangat Kurang", "Poor + Very poor")), ("tren", t.T("Tren", "Trend"))])])));
        app.MapGet("/dasbor/jp", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/dasbor/jp", t.T("Cakupan diklat 20 JP", "20 JP training coverage"),
            [new FilterSpec("tahun", t.T("Tahun", "Year"), m.JpYears().Select(y => (y.ToString(CultureInfo.InvariantCulture), t.Period(y.ToString(CultureInfo.InvariantCulture)))).ToList(),
                m.PickYear(f.Tahun)?.ToString(CultureInfo.InvariantCulture), false), Units(t, m, f.Unit)],
            [("/chart/jp_cakupan.png", t.T("Kepatuhan 20 JP", "20 JP compliance"))],
            [new TableSpec("/api/jp", t.T("Kepatuhan 20 JP per unit", "20 JP compliance by unit"), [("unit", "Unit"), ("tahun", t.T("Tahun", "Year")), ("pegawai", t.T("Pegawai", "Employees")),
                ("patuh", t.T("Patuh", "Compliant")), ("persen_patuh", t.T("Persen patuh", "Percent compliant"))])])));
        app.MapGet("/dasbor/cuti", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/dasbor/cuti", t.T("Efisiensi layanan cuti", "Leave administration efficiency"),
            [Units(t, m, f.Unit)],
            [("/chart/cuti_waktu.png", t.T("Waktu proses cuti", "Leave processing time")), ("/chart/cuti_online.png", t.T("Adopsi online", "Online adoption"))],
            [new TableSpec("/api/cuti", t.T("Waktu proses per bulan dan kanal", "Processing time by month and channel"), [("bulan", t.T("Bulan", "Month")), ("kanal", t.T("Kanal", "Channel")),
                ("n", t.T("Pengajuan", "Requests")), ("n_tertunda", t.T("Masih diproses", "Pending")), ("median_hari_kerja", t.T("Median hari kerja", "Median working days")),
                ("p90_hari_kerja", t.T("P90 hari kerja", "P90 working days")), ("stabil", t.T("Stabil", "Stable"))])])));
        app.MapGet("/dasbor/peringatan", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/dasbor/peringatan", t.T("Peringatan: unit yang memburuk", "Alerts: units getting worse"),
            [Periods(t, m.AlertPeriods(), f.Periode), Units(t, m, f.Unit)], [],
            [new TableSpec("/api/peringatan", t.T("Peringatan", "Alerts"), [("unit", "Unit"), ("periode", t.T("Periode", "Period")), ("status", "Status"), ("ikm", "IKM"), ("ikm_sebelumnya", t.T("IKM sebelumnya", "Previous IKM")),
                ("selisih", t.T("Selisih", "Change")), ("lereng", t.T("Tren per triwulan", "Trend per quarter")), ("q_value", "q"), ("mutu", t.T("Mutu", "Grade")), ("mutu_sebelumnya", t.T("Mutu sebelumnya", "Previous grade")), ("alasan", t.T("Alasan", "Reason"))])])));

        MapPenempatanPage(app);

        // ------------------------------------------------------------ JSON API (aggregates)
        app.MapGet("/api/ikm", (HttpContext ctx) => Json(ctx, (m, f) => m.IkmTable(f)));
        app.MapGet("/api/kinerja", (HttpContext ctx) => Json(ctx, (m, f) => m.KinerjaTable(f)));
        app.MapGet("/api/jp", (HttpContext ctx) => Json(ctx, (m, f) => m.JpTable(f)));
        app.MapGet("/api/cuti", (HttpContext ctx) => Json(ctx, (m, f) => m.CutiTable(f)));
        app.MapGet("/api/peringatan", (HttpContext ctx) => Json(ctx, (m, f) => m.AlertTable(f)));
        app.MapGet("/api/penempatan/pensiun", (HttpContext ctx) => Json(ctx, (m, f) => m.PensiunTable(f)));
        app.MapGet("/api/penempatan/masa-kerja", (HttpContext ctx) => Json(ctx, (m, f) => m.MasaKerjaTable(f)));
        app.MapGet("/api/penempatan/beban", (HttpContext ctx) => Json(ctx, (m, f) => m.BebanTable(f)));
        app.MapGet("/api/penempatan/layanan", (HttpContext ctx) => Json(ctx, (m, f) => m.LayananTable(f)));
        MapKomposisiApi(app);
        app.MapGet("/api/filter", (HttpContext ctx) => Json(ctx, (m, f) => new
        {
            ikm_periode = m.IkmPeriods(), kinerja_periode = m.KinerjaPeriods(), peringatan_periode = m.AlertPeriods(), tahun = m.JpYears(),
            unit = m.Units().Select(u => new { kode_unit = u.Kode, nama_unit = u.Nama }),
        }));

        // ------------------------------------------------------------ charts (same code as the reports)
        app.MapGet("/chart/{name}.png", (HttpContext ctx, string name) => Chart(ctx, (m, f) => name switch
        {
            "ikm_unit" => m.IkmUnitChart(f),
            "ikm_tren" => m.IkmTrendChart(f),
            "ikm_unsur" => m.IkmElementsChart(f),
            "kinerja_predikat" => m.PredikatChart(f),
            "kinerja_tren" => m.KinerjaTrendChart(f),
            "jp_cakupan" => m.JpChart(f),
            "cuti_waktu" => m.CutiChart(f),
            "cuti_online" => m.OnlineChart(f),
            _ when name.StartsWith("penempatan_", StringComparison.Ordinal) && DashboardModel.PenempatanBagian.Contains(name["penempatan_".Length..]) =>
                m.PenempatanChart(name["penempatan_".Length..], f),
            _ => null,
        }));

        // ------------------------------------------------------------ HR (token)
        // Everything under /hr and /api/hr (names, NIP, the login form) is never kept by a browser or proxy cache.
        var hrPaths = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        hrPaths.MapGet("/hr/login", (HttpContext ctx, string? returnUrl) =>
            Html(DashboardPage.Login(Text(ctx), SafeReturn(returnUrl), failed: false, Options(ctx).HasToken)));
        hrPaths.MapPost("/hr/login", async (HttpContext ctx) =>
        {
            var sessions = Sessions(ctx);
            var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "?";
            if (sessions.Throttled(client))
                return Results.Text("Terlalu banyak percobaan masuk; coba lagi nanti. / Too many failed logins; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var returnUrl = SafeReturn(form["returnUrl"]);
            if (!sessions.TokenMatches(form["token"]))
            {
                var count = sessions.Failed(client);
                ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kepegawaian.Dashboard.Hr")
                    .LogWarning("Failed HR login from {Client} ({Count} in the window)", client, count);
                return Html(DashboardPage.Login(Text(ctx), returnUrl, failed: true, Options(ctx).HasToken), StatusCodes.Status401Unauthorized);
            }
            var (value, expires) = sessions.NewSession();
            ctx.Response.Cookies.Append(TokenCookie, value, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = ctx.Request.IsHttps, Path = "/", Expires = expires,
            });
            return Results.Redirect(returnUrl);
        });
        hrPaths.MapPost("/hr/logout", (HttpContext ctx) =>
        {
            ctx.Response.Cookies.Delete(TokenCookie, new CookieOptions { Path = "/" });
            return Results.Redirect("/");
        });
        var hr = hrPaths.MapGroup("").AddEndpointFilter(async (context, next) =>
            Authorized(context.HttpContext) ? await next(context) : Refuse(context.HttpContext));
        hr.MapGet("/hr/diklat", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/hr/diklat", t.T("Efektivitas diklat (Kirkpatrick 1–4)", "Training effectiveness (Kirkpatrick 1–4)"),
            [new FilterSpec("kelompok", t.T("Studi peristiwa untuk", "Event study for"), m.DiklatGroups(), m.EventGroup(ctx.Request.Query["kelompok"].FirstOrDefault()), false)],
            [("/hr/chart/diklat_dampak.png", t.T("Dampak diklat", "Training effect")), ("/hr/chart/diklat_event.png", t.T("Studi peristiwa", "Event study"))],
            [PlainTraining(t, "/api/hr/diklat/jenis", t.T("Per jenis diklat", "By kind of training"), false),
             PlainTraining(t, "/api/hr/diklat/kursus", t.T("Per mata diklat", "By course"), true),
             new TableSpec("/api/hr/diklat", t.T("Catatan metode", "Method notes"), [("nama", t.T("Kelompok", "Group")), ("jenis_kelompok", t.T("Jenis", "Kind")), ("status", "Status"), ("att", "ATT"),
                ("ci_low", t.T("IK 95 % bawah", "95 % CI low")), ("ci_high", t.T("IK 95 % atas", "95 % CI high")), ("p_value", "p"), ("q_bh", "q (BH)"), ("n_treated", t.T("n diklat", "n treated")),
                ("n_control", t.T("n kontrol", "n control")), ("max_smd", "max SMD"), ("cohens_d", "Cohen's d"), ("pretrend_p", t.T("p pra-tren", "pre-trend p")), ("pool", t.T("Kontrol", "Controls"))])],
            TrainingVerdicts.Rule(t, ReportOpts(ctx).MinCellSize))));
        hr.MapGet("/hr/jp", (HttpContext ctx) => Page(ctx, (m, t, f) => DashboardPage.Render(t, "/hr/jp", t.T("Pegawai belum memenuhi 20 JP", "Employees below 20 JP"),
            [new FilterSpec("tahun", t.T("Tahun", "Year"), m.JpYears().Select(y => (y.ToString(CultureInfo.InvariantCulture), t.Period(y.ToString(CultureInfo.InvariantCulture)))).ToList(),
                m.PickYear(f.Tahun)?.ToString(CultureInfo.InvariantCulture), false), Units(t, m, f.Unit)], [],
            [new TableSpec("/api/hr/jp", t.T("Daftar kepatuhan 20 JP", "20 JP compliance list"), [("nip", "NIP"), ("nama", t.T("Nama", "Name")), ("unit", "Unit"), ("tahun", t.T("Tahun", "Year")), ("jp", "JP"),
                ("kekurangan_jp", t.T("Kekurangan JP", "JP still missing"))])])));
        hr.MapGet("/api/hr/diklat", (HttpContext ctx) => Json(ctx, (m, f) => m.DiklatTable()));
        hr.MapGet("/api/hr/diklat/jenis", (HttpContext ctx) => Json(ctx, (m, f) => m.DiklatPlain(courses: false)));
        hr.MapGet("/api/hr/diklat/kursus", (HttpContext ctx) => Json(ctx, (m, f) => m.DiklatPlain(courses: true)));
        hr.MapGet("/api/hr/jp", (HttpContext ctx) =>
        {
            var marts = ctx.RequestServices.GetRequiredService<DashboardDataCache>();
            return Json(ctx, (_, f) => DashboardModel.JpNonCompliant(marts.JpPegawai(), marts.Get(), f.Tahun, f.Unit));
        });
        hr.MapGet("/hr/chart/{name}.png", (HttpContext ctx, string name) => Chart(ctx, (m, f) => name switch
        {
            "diklat_dampak" => m.DiklatForestChart(),
            "diklat_event" => m.DiklatEventChart(ctx.Request.Query["kelompok"].FirstOrDefault()),
            _ => null,
        }));
        MapDrill(app, hr);
        return endpoints;
    }

    // ---------------------------------------------------------------- helpers
    private static ReportOptions ReportOpts(HttpContext ctx) => ctx.RequestServices.GetRequiredService<IOptions<ReportOptions>>().Value;
    private static DashboardOptions Options(HttpContext ctx) => ctx.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;

    private static ReportText Text(HttpContext ctx) => ReportText.For(ctx.Request.Query["lang"].FirstOrDefault() ?? ReportOpts(ctx).Language);

    private static DashboardFilter Filter(HttpContext ctx)
    {
        string? Q(string k) => ctx.Request.Query[k].FirstOrDefault() is { Length: > 0 } v ? v : null;
        return new DashboardFilter(Q("periode"), Q("unit"), int.TryParse(Q("tahun"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null);
    }

    private static DashboardModel Model(HttpContext ctx) =>
        new(ctx.RequestServices.GetRequiredService<DashboardDataCache>().Get(), Text(ctx), ReportOpts(ctx).MinCellSize,
            ctx.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<Kepegawaian.Analytics.Efficiency.EfisiensiOptions>>()?.Value.OnlineShareTarget);

    private const string HtmlType = "text/html; charset=utf-8";
    private const string JsonType = "application/json; charset=utf-8";

    private static IResult Page(HttpContext ctx, Func<DashboardModel, ReportText, DashboardFilter, string> render) =>
        Cached(ctx, () =>
        {
            var data = ctx.RequestServices.GetRequiredService<DashboardDataCache>().Get();
            var html = DashboardPage.WithStamp(render(Model(ctx), Text(ctx), Filter(ctx)), Stamp(ctx, data, ctx.Request.Path.Value ?? ""));
            return new CachedResponse(Encoding.UTF8.GetBytes(DashboardPage.WithMartsWarning(html, data.MartsWarning)), HtmlType);
        });

    /// <summary>
    /// "Data per 22 November 2026 20.00 WIB": when the marts a page shows were built (mart_build.built_at, wall clock in
    /// Schedule:TimeZone); the oldest of them when a page shows several; null on a warehouse without a build record.
    /// </summary>
    private static string? Stamp(HttpContext ctx, ReportData data, string path)
    {
        var built = DashboardPage.AreasOf(path).Where(data.MartBuiltAt.ContainsKey).Select(a => data.MartBuiltAt[a]).ToList();
        if (built.Count == 0) return null;
        var at = built.Min();
        var t = Text(ctx);
        var zone = LocalZone.Label(LocalZone.Of(ctx.RequestServices.GetService<IOptions<ScheduleOptions>>()?.Value));
        return $"{t.T("Data per", "Data as of")} {t.Date(DateOnly.FromDateTime(at))} {at.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone}";
    }

    private const string CsvType = "text/csv; charset=utf-8";

    /// <summary>
    /// A table's rows as JSON, or with <c>format=csv</c> the same rows (same filters, already small-cell suppressed) as an
    /// Indonesian-locale CSV through the one <see cref="CsvWriter"/>, or with <c>format=xlsx</c> as a workbook through the one
    /// <see cref="XlsxTable"/> (<see cref="DashboardXlsx"/>), as a download named after the route and the filters.
    /// </summary>
    private static IResult Json(HttpContext ctx, Func<DashboardModel, DashboardFilter, object> select)
    {
        var format = ctx.Request.Query["format"].FirstOrDefault()?.ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
            return Cached(ctx, () => new CachedResponse(JsonSerializer.SerializeToUtf8Bytes(select(Model(ctx), Filter(ctx)), JsonOptions(ctx)), JsonType));
        return Cached(ctx, () => select(Model(ctx), Filter(ctx)) is IEnumerable<IReadOnlyDictionary<string, object?>> rows
            ? format == "csv" ? new CachedResponse(Csv(rows.ToList()), CsvType)
                : new CachedResponse(DashboardXlsx.Table(DownloadName(ctx, ""), rows.ToList(), Text(ctx), ReportOpts(ctx).MinCellSize), XlsxTable.ContentType)
            : new CachedResponse([], "text/plain", StatusCodes.Status404NotFound), DownloadName(ctx, "." + format));
    }

    private static byte[] Csv(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        var header = rows.SelectMany(r => r.Keys).Distinct().ToList();
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        CsvWriter.Write(sw, header, rows.Select(r => (IReadOnlyList<object?>)header.Select(k => r.TryGetValue(k, out var v) ? v : null).ToList()),
            CsvStyle.Indonesian, i => DashboardPage.DecimalsOf(header[i]));
        var encoding = CsvWriter.Encoding(CsvStyle.Indonesian);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(sw.ToString())];
    }

    /// <summary>"ikm-2026-Q3.csv", "hr-jp-2026-U01.xlsx": the route after /api and the filter values, file-name safe.</summary>
    private static string DownloadName(HttpContext ctx, string extension)
    {
        var q = ctx.Request.Query;
        var parts = new List<string> { (ctx.Request.Path.Value ?? "tabel").Replace("/api/", "", StringComparison.Ordinal).Trim('/').Replace('/', '-') };
        parts.AddRange(new[] { "periode", "tahun", "area", "unit", "kelompok" }.Select(k => q[k].FirstOrDefault()).OfType<string>().Where(v => v.Length > 0));
        var name = string.Join('-', parts);
        return new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + extension;
    }

    private static IResult Chart(HttpContext ctx, Func<DashboardModel, DashboardFilter, Plot?> select) =>
        Cached(ctx, () => select(Model(ctx), Filter(ctx)) is { } plot
            ? new CachedResponse(ChartStyle.Png(plot), "image/png")
            : new CachedResponse([], "text/plain", StatusCodes.Status404NotFound));

    /// <summary>
    /// Served from <see cref="DashboardResponseCache"/>: the key is the route and the query values a page reads
    /// (others change nothing, so they cannot multiply the entries).
    /// </summary>
    private static IResult Cached(HttpContext ctx, Func<CachedResponse> render, string? downloadName = null)
    {
        var q = ctx.Request.Query;
        var key = string.Join('\u001e', ctx.Request.Path.Value, q["lang"].FirstOrDefault(), q["periode"].FirstOrDefault(), q["unit"].FirstOrDefault(),
            q["tahun"].FirstOrDefault(), q["kelompok"].FirstOrDefault(), q["area"].FirstOrDefault(), downloadName);
        var response = ctx.RequestServices.GetRequiredService<DashboardResponseCache>().GetOrRender(key, render);
        return response.Status == StatusCodes.Status200OK
            ? Results.Bytes(response.Body, response.ContentType, downloadName)
            : Results.StatusCode(response.Status);
    }

    /// <summary>The web defaults Results.Json uses (camelCase off where keys are explicit, as before).</summary>
    private static JsonSerializerOptions JsonOptions(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static FilterSpec Periods(ReportText t, IReadOnlyList<string> periods, string? selected) =>
        new("periode", t.T("Periode", "Period"), periods.Select(p => (p, t.Period(p))).ToList(), selected is not null && periods.Contains(selected) ? selected : periods.FirstOrDefault(), false);

    private static TableSpec PlainTraining(ReportText t, string api, string title, bool courses) =>
        new(api, title, new[] { "kelompok", "putusan", "peserta", "l1", "l2", "l3", "l4" }.Zip(TrainingPlainRow.Headers(t, courses)).ToList());

    private static FilterSpec Units(ReportText t, DashboardModel m, string? selected) =>
        new("unit", "Unit", m.Units().Select(u => (u.Kode, u.Nama)).ToList(), selected, true);

    private static bool Authorized(HttpContext ctx)
    {
        var given = ctx.Request.Headers[TokenHeader].FirstOrDefault();
        if (given is null && ctx.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = auth["Bearer ".Length..].Trim();
        var sessions = Sessions(ctx);
        return given is not null ? sessions.TokenMatches(given) : sessions.SessionValid(ctx.Request.Cookies[TokenCookie]);
    }

    private static HrSessions Sessions(HttpContext ctx) => ctx.RequestServices.GetRequiredService<HrSessions>();

    private static IResult Refuse(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal))
            return Results.Json(new { error = "token required (X-Dashboard-Token)" }, statusCode: StatusCodes.Status401Unauthorized);
        return Html(DashboardPage.Login(Text(ctx), SafeReturn(path + ctx.Request.QueryString), failed: false, Options(ctx).HasToken), StatusCodes.Status401Unauthorized);
    }

    /// <summary>Only local HR paths are valid return targets (no open redirect).</summary>
    private static string SafeReturn(string? url) =>
        url is { Length: > 0 } u && u.StartsWith("/hr/", StringComparison.Ordinal) && !u.StartsWith("//", StringComparison.Ordinal) ? u : "/hr/diklat";

    private static string Asset(string name)
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("assets/" + name)
            ?? throw new InvalidOperationException($"asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
