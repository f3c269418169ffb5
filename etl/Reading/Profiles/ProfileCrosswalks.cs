using System.Globalization;
using DuckDB.NET.Data;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Reading.Profiles;

/// <summary>
/// A profile's <c>crosswalk</c> key: a contract column resolved from warehouse data at load time, for sources that
/// carry an identifier instead of the value (SIASN rw-skp22 carries only the PNS ID, sources.md §2).
/// </summary>
internal sealed record ProfileCrosswalk(string Table, IReadOnlyList<string> From);

/// <summary>
/// The crosswalk tables a profile may name, read once per file from the warehouse. The PNS ID crosswalk is
/// <c>hr_pns_id</c>, filled from the <c>pns_id</c> of the last <c>pegawai</c> load (HR-only: no mart reads it).
/// </summary>
internal sealed class ProfileCrosswalks
{
    /// <summary>Table name → number of <c>from</c> columns it needs and the contract columns it may fill.</summary>
    public static readonly IReadOnlyDictionary<string, (int From, string[] Gives)> Tables = new Dictionary<string, (int, string[])>
    {
        // PNS ID → NIP, from the last pegawai load that carried the PNS ID.
        ["pns_id"] = (1, ["nip"]),
        // PNS ID + year (YYYY) or date → the employee's unit on 31 December of that year (or on that date): the
        // version of dim_employee valid then, else — history starting later — the first unit the warehouse knows.
        ["unit_pns_id"] = (2, ["kode_unit"]),
        // NIP + date → the employee's unit on that date, by the same rule (a rank change keeps the unit).
        ["unit_nip"] = (2, ["kode_unit", "kode_unit_asal", "kode_unit_tujuan"]),
    };

    private readonly Dictionary<string, string> nipOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(DateOnly From, string Unit)>> unitsOf = new(StringComparer.Ordinal); // by NIP

    public static readonly ProfileCrosswalks Empty = new();

    public static ProfileCrosswalks Load(DuckDBConnection connection)
    {
        var crosswalks = new ProfileCrosswalks();
        using (var cmd = connection.Command("SELECT pns_id, nip FROM hr_pns_id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) crosswalks.nipOf[r.GetString(0)] = r.GetString(1);
        using (var cmd = connection.Command("SELECT nip, valid_from::VARCHAR, kode_unit FROM dim_employee ORDER BY nip, valid_from"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var nip = r.GetString(0);
                if (!crosswalks.unitsOf.TryGetValue(nip, out var list)) crosswalks.unitsOf[nip] = list = [];
                list.Add((DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(2)));
            }
        return crosswalks;
    }

    /// <summary>The resolved value, or null with the rejection that names the source column.</summary>
    public string? Resolve(ProfileCrosswalk crosswalk, string[] cells, out Rejection? miss)
    {
        miss = null;
        var key = cells[0];
        if (key.Length == 0) return ""; // empty stays empty: validation says WAJIB_KOSONG naming the column
        string nip;
        if (crosswalk.Table == "unit_nip") nip = key;
        else if (!nipOf.TryGetValue(key, out nip!))
        {
            miss = new Rejection(crosswalk.From[0], Reason.PnsIdTidakDikenal,
                $"Kolom '{crosswalk.From[0]}': PNS ID '{key}' tidak ada di data pegawai (kolom PNS ID ekspor SIASN pada muatan pegawai terakhir); NIP-nya tidak diketahui.");
            return null;
        }
        if (crosswalk.Table == "pns_id") return nip;
        if (!unitsOf.TryGetValue(nip, out var units))
        {
            miss = new Rejection(crosswalk.From[0], Reason.NipTidakDikenal, $"Kolom '{crosswalk.From[0]}': pegawai '{nip}' tidak dikenal (tidak ada di data pegawai).");
            return null;
        }
        if (ParseDate(cells[1]) is not { } on) return ""; // validation names what is missing or malformed
        var unit = units[0].Unit;
        foreach (var (from, u) in units) if (from <= on) unit = u;
        return unit;
    }

    private static DateOnly? ParseDate(string text) =>
        text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 9998 ? new DateOnly(y, 12, 31)
        : DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : null;
}
