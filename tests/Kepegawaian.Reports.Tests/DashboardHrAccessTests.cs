using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>HR pages (names, NIP): sessions that expire, never the token in a cookie, no caching, throttled guessing.</summary>
public sealed class DashboardHrAccessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static HttpClient Client(DashboardServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl) };

    private static async Task<HttpResponseMessage> Login(HttpClient http, string token) =>
        await http.PostAsync("/hr/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["returnUrl"] = "/hr/jp" }));

    private static async Task<HttpStatusCode> GetWithCookie(HttpClient http, string path, string cookie)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Add("Cookie", cookie);
        return (await http.SendAsync(req)).StatusCode;
    }

    [Fact]
    public async Task The_session_cookie_holds_no_token_expires_and_cannot_be_forged()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await DashboardServer.StartAsync(clock: clock);
        using var http = Client(server);

        var login = await Login(http, DashboardServer.Token);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain(DashboardServer.Token, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var pair = cookie.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, await GetWithCookie(http, "/api/hr/jp?tahun=2026", pair));

        // A forged expiry (far future, same MAC) and a raw token in the cookie are both refused.
        var value = pair[(pair.IndexOf('=') + 1)..];
        var forged = $"kepegawaian_hr={long.Parse(value.Split('.')[0]) + 86_400}.{value.Split('.')[1]}";
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookie(http, "/api/hr/jp?tahun=2026", forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookie(http, "/api/hr/jp?tahun=2026", "kepegawaian_hr=" + DashboardServer.Token));

        // Eight hours later (Dashboard:SessionHours) the session has ended.
        clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookie(http, "/api/hr/jp?tahun=2026", pair));
    }

    [Fact]
    public async Task Hr_responses_are_not_cached_and_logout_clears_the_cookie()
    {
        await using var server = await DashboardServer.StartAsync(clock: new FakeTimeProvider(Start));
        using var http = Client(server);
        using var req = new HttpRequestMessage(HttpMethod.Get, "/api/hr/jp?tahun=2026");
        req.Headers.Add("X-Dashboard-Token", DashboardServer.Token);
        var list = await http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(list.Headers.CacheControl?.NoStore);
        Assert.True((await http.GetAsync("/hr/login")).Headers.CacheControl?.NoStore);

        var logout = await http.PostAsync("/hr/logout", null);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kepegawaian_hr=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Failed_logins_are_throttled_per_client_and_released_after_the_window()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await DashboardServer.StartAsync(clock: clock);
        using var http = Client(server);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(http, "tebakan-" + i)).StatusCode);
        // The sixth try is refused before the token is even compared, the right token included.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(http, DashboardServer.Token)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await Login(http, DashboardServer.Token)).StatusCode);
    }
}
