namespace Kepegawaian.Reports.Options;

/// <summary>Configuration section <c>Dashboard</c> (spec §6).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Required for the HR pages and for any non-loopback address.</summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// The start-up rule of spec §6: binding to anything but loopback without a token is refused.
    /// Returns the error message, or null when the binding is allowed. The host calls this with the
    /// effective URLs (after <c>--urls</c>).
    /// </summary>
    public static string? CheckBinding(string? urls, string? token)
    {
        if (!string.IsNullOrWhiteSpace(token)) return null;
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!IsLoopback(url))
                return $"Dashboard:Urls '{url}' bukan alamat loopback: isi Dashboard:Token dulu. / " +
                       "Dashboard:Token is required when Dashboard:Urls binds a non-loopback address.";
        return null;
    }

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
}
