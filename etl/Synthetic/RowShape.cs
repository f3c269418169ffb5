using System.Globalization;
using System.Text;
using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>Turns one contract row (<see cref="InboxSchema"/> order) into the rows of a source-shaped file.</summary>
internal abstract class RowShape(SourceProfile profile)
{
    protected static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    protected SourceProfile Profile { get; } = profile;

    public abstract IReadOnlyList<string> Header { get; }

    /// <param name="verify">A well-formed row: check that the profile reads back what was written (a corrupted copy is not checked).</param>
    public abstract IEnumerable<string[]> Rows(string[] contract, bool verify);

    /// <summary>A file name the profile must claim, with the values its named groups must read back; anything else is a generator bug.</summary>
    public void CheckFileName(string fileName, IReadOnlyDictionary<string, string> groups)
    {
        var m = Profile.Pattern.Match(fileName);
        if (!m.Success || groups.Any(g => m.Groups[g.Key].Value != g.Value))
            throw new InvalidOperationException($"Generated file name '{fileName}' is not read as intended by source profile '{Profile.Name}' ({Profile.Pattern}).");
    }

    /// <summary>The source text of a contract value of <paramref name="column"/>: the profile's value table inverted, its first date format.</summary>
    protected string ToSource(string column, string value, string timeSeed)
    {
        if (value.Length == 0) return value;
        if (Profile.Dates.TryGetValue(column, out var formats)
            && DateTime.TryParseExact(value, ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"], Inv, DateTimeStyles.None, out var d))
        {
            // A date-only contract value gets a plausible time of day where the source format has one (08:00–15:59, from the key).
            if (d.TimeOfDay == TimeSpan.Zero) d = d.AddMinutes(8 * 60 + Fnv(timeSeed) % (8 * 60));
            return d.ToString(formats[0], Inv);
        }
        if (Profile.Values.TryGetValue(column, out var map))
            foreach (var (source, contract) in map)
                if (contract == value) return source;
        return value;
    }

    /// <summary>What the profile reads from a written cell of a mapped column (the forward mapping, for <c>verify</c>).</summary>
    protected string Read(string column, string cell)
    {
        var index = IndexOf(Profile.Targets, column);
        return index < 0 ? cell : Profile.Transform(index, Profile.Clean(cell));
    }

    protected void Expect(string column, string written, string expected)
    {
        if (written != expected)
            throw new InvalidOperationException($"Generator's {Profile.Name} writer disagrees with the profile on {column}: wrote a cell read as '{written}', contract value '{expected}'.");
    }

    protected static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary><paramref name="prefix"/> and <paramref name="count"/> digits derived from <paramref name="key"/>.</summary>
    protected static string Digits(string prefix, string key, int count)
    {
        var x = ((ulong)Fnv("a:" + key) << 32) | Fnv("b:" + key);
        var sb = new StringBuilder(prefix, prefix.Length + count);
        for (var i = 0; i < count; i++) { sb.Append((char)('0' + (int)(x % 10))); x /= 10; }
        return sb.ToString();
    }

    /// <summary>Stable 32-bit FNV-1a: fake personal values and times without touching the generator's random streams.</summary>
    protected static uint Fnv(string text)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) h = (h ^ b) * 16777619u;
        return h;
    }
}
