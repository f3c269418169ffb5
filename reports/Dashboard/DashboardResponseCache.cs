using System.Collections.Concurrent;
using Kepegawaian.Reports.Options;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>A rendered dashboard response: the bytes a page, an API call or a chart sends.</summary>
public sealed record CachedResponse(byte[] Body, string ContentType, int Status = 200);

/// <summary>
/// Rendered dashboard responses per (route, filters, language, marts generation). A chart costs 100–500 ms to
/// draw and an API table tens of ms to build, but the marts change only when the analytics refresh runs, so
/// each combination is rendered once per refresh (issue 12.8: p95 &lt; 50 ms at 32 clients). Keys carry
/// <see cref="DashboardDataCache.Generation"/>, so a refresh makes every older entry unreachable; they are
/// dropped then, and the cache never holds more than <c>Dashboard:ResponseCacheMiB</c> (0 turns it off). Concurrent requests for
/// the same uncached key render it once. Lives inside the endpoint, after the HR token check.
/// </summary>
public sealed class DashboardResponseCache(DashboardDataCache data, IOptions<DashboardOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.ResponseCacheMiB) * 1024L * 1024 });
    private readonly ConcurrentDictionary<string, Lazy<CachedResponse>> rendering = new();
    private long generationSeen = -1;

    private readonly bool enabled = options.Value.ResponseCacheMiB > 0;

    public CachedResponse GetOrRender(string key, Func<CachedResponse> render)
    {
        if (!enabled) return render();   // ResponseCacheMiB = 0: every request renders (the benchmark's baseline)
        var generation = data.Generation;
        if (Interlocked.Exchange(ref generationSeen, generation) != generation)
            cache.Compact(1.0);   // a new copy of the marts: everything rendered before is stale
        var full = $"{generation}\u001f{key}";
        if (cache.TryGetValue(full, out CachedResponse? hit) && hit is not null) return hit;

        var lazy = rendering.GetOrAdd(full, _ => new Lazy<CachedResponse>(render, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var response = lazy.Value;
            if (response.Status == 200)
                cache.Set(full, response, new MemoryCacheEntryOptions { Size = response.Body.Length + full.Length * 2 });
            return response;
        }
        finally
        {
            rendering.TryRemove(full, out _);
        }
    }

    public void Dispose() => cache.Dispose();
}
