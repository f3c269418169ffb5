using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// `etl` by hand while another process (normally `serve`) holds the warehouse: say so once, retry for a
/// bounded time, then stop with exit 2 and the way out (under `serve`, put the files in its inbox instead).
/// </summary>
public static class WarehouseWait
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static async Task UntilFreeAsync(WarehouseDatabase database, TimeSpan limit, TextWriter error, CancellationToken ct, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        var announced = false;
        while (true)
        {
            try
            {
                database.Open().Dispose();
                return;
            }
            catch (WarehouseLockedException locked)
            {
                if (time.GetElapsedTime(started) >= limit)
                    throw new OperatorException(
                        $"Gudang data '{locked.Path}' masih dipakai proses lain setelah {limit.TotalSeconds:0} detik. Bila itu 'kepegawaian serve', " +
                        "taruh berkas di inbox layanan (Etl:Inbox): layanan memuatnya pada pemindaian berikutnya; atau hentikan layanan dulu. " +
                        "/ The warehouse is still locked (e.g. by serve): put the files in the service's inbox, or stop it first.", locked);
                if (!announced)
                {
                    await error.WriteLineAsync($"kepegawaian: gudang data sedang dipakai proses lain (mis. 'kepegawaian serve'); menunggu paling lama {limit.TotalSeconds:0} detik (--wait-seconds)… / warehouse busy, waiting up to {limit.TotalSeconds:0} s");
                    announced = true;
                }
                await Task.Delay(Interval, time, ct);
            }
        }
    }
}
