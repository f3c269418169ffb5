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
        cell.Sort(static (a, b) => a.T.CompareTo(b.T));
        return EstimateSorted(cell);
    }

    /// <summary>
    /// Estimates from <paramref name="cell"/> already in ascending order of <see cref="Observation.T"/>: one pass that
    /// stops once the four decided times the quantiles need, V(k) and V(k + 1) for p = 0.5 and 0.9, are found (W only
    /// grows). A pending request after that point is older than every time p90 uses, so it cannot make the estimate not final.
    /// </summary>
    public static KmEstimate EstimateSorted(ReadOnlySpan<Observation> cell)
    {
        if (cell.Length == 0) return new KmEstimate(null, null, false);
        var n = cell.Length;
        var (median, p90) = (new Quantile(n, 0.5), new Quantile(n, 0.9));
        var youngestPending = double.PositiveInfinity;
        double survival = 1;
        var atRisk = n;
        for (var i = 0; i < n && !(median.Found && p90.Found);)
        {
            var t = cell[i].T;
            int d = 0, c = 0;
            for (; i < n && cell[i].T == t; i++)
                if (cell[i].Decided) d++; else c++;
            if (d > 0)
            {
                survival *= 1 - (double)d / atRisk;
                var w = n * (1 - survival);
                median.Observe(t, w);
                p90.Observe(t, w);
            }
            if (c > 0 && t < youngestPending) youngestPending = t;
            atRisk -= d + c;
        }
        return new KmEstimate(median.Value, p90.Value, median.Value is not null && p90.Value is not null && p90.Support <= youngestPending);
    }

    /// <summary>Q(p) = V(k) + (h − k)·(V(k + 1) − V(k)), V(u) the first decided time with W ≥ u.</summary>
    private struct Quantile(int n, double p)
    {
        private readonly double h = 1 + (n - 1) * p;
        private readonly double k = Math.Floor(1 + (n - 1) * p);
        private readonly double tolerance = 1e-9 * n; // W is a product of floating-point factors; integers must still compare equal
        private double? low, high;

        public readonly bool Found => low is not null && (h == k || high is not null);

        /// <summary>Null when the curve never reaches V(k) or V(k + 1).</summary>
        public readonly double? Value => !Found ? null : h == k ? low : low + (h - k) * (high - low);

        /// <summary>The largest decided time the value uses.</summary>
        public readonly double Support => h == k ? low ?? double.NaN : high ?? double.NaN;

        public void Observe(double t, double w)
        {
            if (low is null && w >= k - tolerance) low = t;
            if (h != k && high is null && w >= k + 1 - tolerance) high = t;
        }
    }
}
