using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kepegawaian.Reports.Options;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// HR access to the dashboard: the configured token checked in constant time, a login cookie that holds
/// an expiring value derived from the token (never the token itself; changing the token ends every
/// session), and failed logins counted per client so guessing is throttled.
/// </summary>
public sealed class HrSessions(IOptions<DashboardOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

    private DashboardOptions O => options.Value;

    /// <summary>Constant-time comparison; an unconfigured or too short token never matches (HR pages closed).</summary>
    public bool TokenMatches(string? given) =>
        O.HasToken && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(O.Token)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    /// <summary>The cookie value of a new session: <c>expiry.mac</c>, mac = HMAC-SHA256 keyed by the token.</summary>
    public (string Value, DateTimeOffset Expires) NewSession()
    {
        var expires = time.GetUtcNow().AddHours(O.SessionHours);
        var stamp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return ($"{stamp}.{Mac(stamp)}", expires);
    }

    public bool SessionValid(string? cookie)
    {
        if (!O.HasToken || cookie is null || cookie.Split('.') is not [var stamp, var mac]) return false;
        if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)) <= time.GetUtcNow())
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(stamp)), Encoding.ASCII.GetBytes(mac));
    }

    /// <summary>True when <paramref name="client"/> has used up its failed logins in the window.</summary>
    public bool Throttled(string client)
    {
        if (!failures.TryGetValue(client, out var queue)) return false;
        lock (queue)
        {
            Expire(queue);
            return queue.Count >= O.MaxFailedLogins;
        }
    }

    /// <summary>Counts a failed login; returns how many failures the client has in the window.</summary>
    public int Failed(string client)
    {
        // Bounded: one queue per client address, each at most MaxFailedLogins long.
        var queue = failures.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Expire(queue);
            queue.Enqueue(time.GetUtcNow());
            while (queue.Count > O.MaxFailedLogins) queue.Dequeue();
            return queue.Count;
        }
    }

    private void Expire(Queue<DateTimeOffset> queue)
    {
        var since = time.GetUtcNow().AddMinutes(-O.LoginWindowMinutes);
        while (queue.Count > 0 && queue.Peek() <= since) queue.Dequeue();
    }

    private string Mac(string stamp)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("kepegawaian-hr-session:" + O.Token));
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(stamp)));
    }
}
