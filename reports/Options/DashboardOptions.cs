using Microsoft.Extensions.Configuration;

namespace Kepegawaian.Reports.Options;

/// <summary>Configuration section <c>Dashboard</c> (spec §6).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A token shorter than this is guessable (and " " is no token at all).</summary>
    public const int MinTokenLength = 16;

    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Required for the HR pages and for any non-loopback address; at least <see cref="MinTokenLength"/> characters.</summary>
    public string Token { get; set; } = "";

    /// <summary>How long an HR login lasts before the session cookie expires.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>Failed HR logins allowed per client address within <see cref="LoginWindowMinutes"/> before it is refused.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LoginWindowMinutes { get; set; } = 15;

    /// <summary>Upper bound of the rendered responses (charts, pages, API tables) kept between refreshes; 0 renders every request.</summary>
    public int ResponseCacheMiB { get; set; } = 64;

    public bool HasToken => Token.Trim().Length >= MinTokenLength;

    /// <summary>
    /// Every address the web host binds, from any configuration source: <c>Dashboard:Urls</c> (which the
    /// host passes to UseUrls, so ASPNETCORE_URLS and HTTP_PORTS do not apply) and
    /// <c>Kestrel:Endpoints:*:Url</c> (e.g. <c>Kestrel__Endpoints__Http__Url</c>), which override it.
    /// </summary>
    public static IEnumerable<string> BoundAddresses(IConfiguration config, DashboardOptions options)
    {
        foreach (var url in Split(options.Urls))
            yield return url;
        foreach (var endpoint in config.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { Length: > 0 } url)
                yield return url;
    }

    /// <summary>
    /// The start-up rule of spec §6: binding to anything but loopback without a token is refused, and a
    /// token that is set must be long enough. Returns the error message, or null when allowed.
    /// </summary>
    public static string? Check(IEnumerable<string> addresses, string? token)
    {
        var trimmed = (token ?? "").Trim();
        if (trimmed.Length is > 0 and < MinTokenLength)
            return $"Dashboard:Token terlalu pendek: minimal {MinTokenLength} karakter. / Dashboard:Token must have at least {MinTokenLength} characters.";
        if (trimmed.Length > 0) return null;
        foreach (var url in addresses)
            if (!IsLoopback(url))
                return $"Alamat '{url}' bukan loopback: isi Dashboard:Token dulu. / " +
                       "Dashboard:Token is required when the dashboard binds a non-loopback address.";
        return null;
    }

    /// <summary>The check on <c>Dashboard:Urls</c> alone (kept for callers without a configuration).</summary>
    public static string? CheckBinding(string? urls, string? token) => Check(Split(urls), token);

    public static bool IsLoopback(string url)
    {
        // Kestrel wildcards (*, +, 0.0.0.0, [::]) listen on every interface.
        var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        host = host.Split('/')[0];
        if (host.StartsWith('['))
            host = host[1..host.IndexOf(']')];
        else if (host.LastIndexOf(':') is var i and > 0)
            host = host[..i];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
