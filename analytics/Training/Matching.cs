using System.Buffers;

namespace Kepegawaian.Analytics.Training;

/// <summary>A treated employee and its matched controls.</summary>
internal sealed record Matched(ImpactUnit T, List<ImpactUnit> C);

/// <summary>
/// Greedy nearest-neighbour matching on the logit within the cohort, without replacement, caliper in logit SDs, up to
/// perTreated controls each, in rounds (everyone gets a first control before anyone a second); hardest to match
/// (highest propensity) first in each round, so they get the scarce close controls. Equal logits keep the sample's
/// order (a stable sort), so a replicate matches the same way on every run.
/// </summary>
internal static class Matching
{
    /// <summary>
    /// Distances closer than this are a tie, won by the control below. Baselines are means of one-decimal scores, so a
    /// treated employee often sits exactly midway between two controls; rounding noise in the logits (1e-14) otherwise
    /// decided which one it got, and with it 60 % of the bootstrap replicates' matches.
    /// </summary>
    private const double Tie = 1e-9;

    public static List<Matched> Greedy(List<ImpactUnit> all, double[] logit, double caliperSd, int perTreated) =>
        [.. Greedy([.. all.Select(u => u.Cohort)], [.. all.Select(u => u.Treated)], logit, caliperSd, perTreated)
            .Select(m => new Matched(all[m.Treated], [.. m.Controls.Select(c => all[c])]))];

    /// <summary>The same matching on plain arrays (row i: cohort, treated, logit); each match by row numbers, in result order.</summary>
    public static List<(int Treated, List<int> Controls)> Greedy(int[] cohort, bool[] isTreated, double[] logit, double caliperSd, int perTreated)
    {
        var caliper = caliperSd * TrainingImpact.StdDev(logit);
        // Cohorts in order of first appearance, each with its treated and controls in sample order.
        var cohorts = new Dictionary<int, (List<int> Treated, List<int> Controls)>();
        var order = new List<int>();
        for (var i = 0; i < cohort.Length; i++)
        {
            if (!cohorts.TryGetValue(cohort[i], out var members))
            {
                cohorts[cohort[i]] = members = ([], []);
                order.Add(cohort[i]);
            }
            (isTreated[i] ? members.Treated : members.Controls).Add(i);
        }
        var result = new List<(int, List<int>)>();
        foreach (var key in order)
        {
            var (treatedRows, controlRows) = cohorts[key];
            var (keys, controls) = StableSort(controlRows, logit, descending: false);
            var (_, treatedOrder) = StableSort(treatedRows, logit, descending: true);
            var treated = treatedOrder.Select(i => (Logit: logit[i], Row: i, Controls: new List<int>(perTreated))).ToList();
            var free = new FreeControls(keys.Length);   // by position: a bootstrap replicate may hold the same employee twice
            for (var round = 0; round < perTreated; round++)
                foreach (var (t, _, matched) in treated)
                {
                    if (matched.Count < round) continue;   // found nothing in an earlier round
                    var pos = Array.BinarySearch(keys, t);
                    if (pos < 0) pos = ~pos;
                    int best = -1; var bestDistance = double.MaxValue;
                    if (free.Below(pos) is var left and >= 0 && t - keys[left] <= caliper) { best = left; bestDistance = t - keys[left]; }
                    if (free.AtOrAbove(pos) is var right && right < keys.Length && keys[right] - t <= caliper && keys[right] - t < bestDistance - Tie) best = right;
                    if (best < 0) continue;
                    free.Take(best);
                    matched.Add(controls[best]);
                }
            result.AddRange(treated.Where(x => x.Controls.Count > 0).Select(x => (x.Row, x.Controls)));
        }
        return result;
    }

    /// <summary>
    /// The rows' logits in ascending (descending) order, equal logits in row order, as LINQ's OrderBy gives them: an LSD radix
    /// sort of the logits as order-preserving 64-bit keys, one pass per byte (bytes the same in every key skipped), stable, so
    /// rows given in ascending order keep it among equal logits. Half of the matching's time went to Array.Sort and putting
    /// ties back in row order (1 M employees: 19.8 of 33 thread-seconds).
    /// </summary>
    internal static (double[] Keys, int[] Rows) StableSort(List<int> rows, double[] logit, bool descending)
    {
        var n = rows.Count;
        // The passes' buffers are rented: a refresh sorts ~2 600 times, and these large-object-heap arrays were a sixth of the
        // ~6 GB the demo city's estimates allocated (46 GB at 1 M employees).
        var (keys, keysTo) = (ArrayPool<ulong>.Shared.Rent(n), ArrayPool<ulong>.Shared.Rent(n));
        var (items, itemsTo) = (ArrayPool<int>.Shared.Rent(n), ArrayPool<int>.Shared.Rent(n));
        try
        {
            for (var i = 0; i < n; i++)
            {
                items[i] = rows[i];
                keys[i] = Sortable(descending ? -logit[rows[i]] : logit[rows[i]]);
            }
            Span<int> at = stackalloc int[256];
            for (var shift = 0; shift < 64; shift += 8)
            {
                at.Clear();
                for (var i = 0; i < n; i++) at[(int)(keys[i] >> shift) & 0xFF]++;
                if (n == 0 || at[(int)(keys[0] >> shift) & 0xFF] == n) continue;   // every key has this byte: the order stands
                for (int b = 0, sum = 0; b < 256; b++) (at[b], sum) = (sum, sum + at[b]);
                for (var i = 0; i < n; i++)
                {
                    var to = at[(int)(keys[i] >> shift) & 0xFF]++;
                    (keysTo[to], itemsTo[to]) = (keys[i], items[i]);
                }
                (keys, keysTo, items, itemsTo) = (keysTo, keys, itemsTo, items);
            }
            var (sorted, order) = (new double[n], items.AsSpan(0, n).ToArray());
            for (var i = 0; i < n; i++) sorted[i] = logit[order[i]];
            return (sorted, order);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(keysTo);
            ArrayPool<int>.Shared.Return(items);
            ArrayPool<int>.Shared.Return(itemsTo);
        }
    }

    /// <summary>
    /// The double's bits as an unsigned key in the double's order: sign bit flipped for positives, every bit for negatives.
    /// −0 is made +0 first (−0 + 0 = +0), so the two zeros are one key, as they are equal doubles.
    /// </summary>
    private static ulong Sortable(double x)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(x + 0.0);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    private const ulong SignBit = 1UL << 63;

    /// <summary>
    /// The unused positions of the sorted controls, found in near-constant time: each used position links to its
    /// neighbour, with path compression, so a search never walks past controls already taken.
    /// </summary>
    private sealed class FreeControls
    {
        private readonly int[] below;   // below[j]: slot of position j − 1 (slot 0 = none left)
        private readonly int[] above;   // above[j]: position j (slot count = none right)

        public FreeControls(int count)
        {
            below = new int[count + 1];
            above = new int[count + 1];
            for (var j = 0; j <= count; j++) below[j] = above[j] = j;
        }

        /// <summary>The largest unused position below <paramref name="pos"/>, or −1.</summary>
        public int Below(int pos) => Root(below, pos) - 1;

        /// <summary>The smallest unused position at or above <paramref name="pos"/> (the count when none).</summary>
        public int AtOrAbove(int pos) => Root(above, pos);

        public void Take(int position)
        {
            below[position + 1] = position;
            above[position] = position + 1;
        }

        private static int Root(int[] link, int j)
        {
            var root = j;
            while (link[root] != root) root = link[root];
            while (link[j] != root) (link[j], j) = (root, link[j]);
            return root;
        }
    }
}
