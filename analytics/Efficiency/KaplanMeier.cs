namespace Kepegawaian.Analytics.Efficiency;

/// <summary>One request as time-to-event data: decided after <see cref="T"/>, or still pending at age <see cref="T"/> (censored).</summary>
public readonly record struct Observation(double T, bool Decided);

/// <summary>Median and p90 of one cell; null = not yet estimable. <see cref="Final"/>: no pending decision can change them.</summary>
public readonly record struct KmEstimate(double? Median, double? P90, bool Final);

/// <summary>
/// Kaplan–Meier (product-limit) quantiles of processing times with pending requests right-censored at their age, the one
/// definition behind mart_cuti_waktu(_ringkas) and <c>kepegawaian efisiensi</c>.
/// <para>Over the ordered distinct times t: d decided and c pending at t, r = requests with time ≥ t (pending ones at t
/// are still at risk), Ŝ(t) = Π (1 − d/r). The curve is read as pseudo-counts W(t) = n·(1 − Ŝ(t)) — Efron's
/// redistribute-to-the-right: a pending request's weight passes equally to the requests still open at its age — and
/// V(u) is the first decided time with W ≥ u. Q(p) = V(k) + (h − k)·(V(k+1) − V(k)) with h = 1 + (n − 1)p, k = ⌊h⌋.
/// With nothing pending W counts requests and Q is exactly DuckDB's quantile_cont (linear interpolation, Hyndman–Fan
/// type 7, the definition used before censoring was handled). Q is null ("belum dapat diestimasi") when the curve does
/// not come down far enough for V(k) or V(k+1).</para>
/// <para>Final: both quantiles exist and no pending request is younger than the last decided time p90 uses, since
/// Ŝ up to the youngest censored age can no longer change.</para>
/// </summary>
public static class KaplanMeier
{
    /// <summary>Estimates from <paramref name="cell"/> (any order; sorted in place).</summary>
    public static KmEstimate Estimate(Span<Observation> cell)
    {
        if (cell.Length == 0) return new KmEstimate(null, null, false);
        cell.Sort(static (a, b) => a.T.CompareTo(b.T));
        var n = cell.Length;
        var events = new List<(double T, double W)>();
        var youngestPending = double.PositiveInfinity;
        double survival = 1;
        var atRisk = n;
        for (var i = 0; i < n;)
        {
            var t = cell[i].T;
            int d = 0, c = 0;
            for (; i < n && cell[i].T == t; i++)
                if (cell[i].Decided) d++; else c++;
            if (d > 0)
            {
                survival *= 1 - (double)d / atRisk;
                events.Add((t, n * (1 - survival)));
            }
            if (c > 0 && t < youngestPending) youngestPending = t;
            atRisk -= d + c;
        }
        var (median, _) = Quantile(events, n, 0.5);
        var (p90, support) = Quantile(events, n, 0.9);
        return new KmEstimate(median, p90, median is not null && p90 is not null && support <= youngestPending);
    }

    /// <summary>Q(p) and the largest decided time it uses.</summary>
    private static (double? Value, double Support) Quantile(List<(double T, double W)> events, int n, double p)
    {
        var h = 1 + (n - 1) * p;
        var k = Math.Floor(h);
        var tolerance = 1e-9 * n; // W is a product of floating-point factors; integers must still compare equal
        double? At(double u)
        {
            foreach (var e in events)
                if (e.W >= u - tolerance) return e.T;
            return null;
        }
        if (At(k) is not { } low) return (null, double.NaN);
        if (h == k) return (low, low);
        if (At(k + 1) is not { } high) return (null, double.NaN);
        return (low + (h - k) * (high - low), high);
    }
}
