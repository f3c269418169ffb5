using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kepegawaian.Reports.Options;

/// <summary>
/// One entry of <c>Delivery:Recipients</c>: a plain string is a city recipient (backward compatible,
/// <c>Delivery:Recipients:0 = "a@x"</c>); an object <c>{ "Address": "…", "Unit": "&lt;kode_unit&gt;" }</c>
/// (<c>Delivery:Recipients:1:Address</c>, <c>…:1:Unit</c>) also receives that unit's section (the unit and its
/// descendants in <c>dim_unit.kode_induk</c>) beside the city brief.
/// </summary>
[TypeConverter(typeof(DeliveryRecipientConverter))]
public sealed partial class DeliveryRecipient
{
    public string Address { get; set; } = "";

    /// <summary>kode_unit the recipient is bound to; empty = city only.</summary>
    public string? Unit { get; set; }

    public bool IsUnit => !string.IsNullOrWhiteSpace(Unit);

    public static implicit operator DeliveryRecipient(string address) => new() { Address = address };

    public override string ToString() => IsUnit ? $"{Address} (unit {Unit})" : Address;

    /// <summary>A kode_unit as the inbox contract allows it: letters, digits and <c>. _ - /</c>, at most 64 characters.</summary>
    public static bool WellFormedUnit(string kode) => KodeUnit().IsMatch(kode);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/\-]{0,63}$")]
    private static partial Regex KodeUnit();

    /// <summary>
    /// Every problem of the recipient list, each naming its entry (<c>Delivery:Recipients:2</c>): an invalid address, a
    /// malformed kode_unit, or one address bound to two different units (one e-mail, one ledger row per address).
    /// Whether the unit exists is checked against the warehouse when delivering.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<DeliveryRecipient> recipients)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, (int Index, string? Unit)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            var key = $"{DeliveryOptions.Section}:Recipients:{i.ToString(CultureInfo.InvariantCulture)}";
            if (r is null || string.IsNullOrWhiteSpace(r.Address))
            {
                if (r?.IsUnit == true) errors.Add($"{key}:Address is empty (unit {r.Unit}).");
                continue;
            }
            var address = r.Address.Trim();
            if (!MimeKit.MailboxAddress.TryParse(address, out _))
                errors.Add($"{key} is not a valid e-mail address: '{address}'.");
            var unit = r.IsUnit ? r.Unit!.Trim() : null;
            if (unit is not null && !WellFormedUnit(unit))
                errors.Add($"{key}:Unit '{unit}' is not a kode_unit (letters, digits, . _ - /, at most 64 characters).");
            if (seen.TryGetValue(address, out var earlier))
            {
                if (!string.Equals(earlier.Unit, unit, StringComparison.Ordinal))
                    errors.Add($"{key} repeats {address} of {DeliveryOptions.Section}:Recipients:{earlier.Index.ToString(CultureInfo.InvariantCulture)} with another unit ('{unit ?? "kota"}' vs '{earlier.Unit ?? "kota"}'): one address gets one e-mail; bind it to one unit.");
            }
            else seen[address] = (i, unit);
        }
        return errors;
    }
}

/// <summary>Binds a plain configuration string ("a@x") to a city <see cref="DeliveryRecipient"/>.</summary>
public sealed class DeliveryRecipientConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string s ? new DeliveryRecipient { Address = s } : base.ConvertFrom(context, culture, value);
}
