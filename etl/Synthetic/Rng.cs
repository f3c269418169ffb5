namespace Kepegawaian.Etl.Synthetic;

/// <summary>Small sampling helpers over a seeded <see cref="Random"/>; stream seeds are mixed with a fixed hash (never string.GetHashCode, which is randomised per process).</summary>
internal static class Rng
{
    public static Random Stream(int seed, string name, long index = 0) => new(Mix(seed, name, index));

    public static int Mix(int seed, string name, long index)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in name) { h ^= c; h *= 1099511628211UL; }
        h ^= (ulong)(uint)seed; h *= 1099511628211UL;
        h ^= (ulong)index; h *= 1099511628211UL;
        h ^= h >> 29; h *= 0xBF58476D1CE4E5B9UL; h ^= h >> 32;
        return (int)(h & 0x7FFFFFFF);
    }

    public static double Normal(this Random r, double mean = 0, double sd = 1)
    {
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double LogNormalMedian(this Random r, double median, double sigma) => median * Math.Exp(r.Normal(0, sigma));

    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>Index drawn with the given (non-negative) weights.</summary>
    public static int Weighted(this Random r, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = r.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    public static DateOnly Date(this Random r, DateOnly from, DateOnly to) => from.AddDays(r.Next(to.DayNumber - from.DayNumber + 1));
}
