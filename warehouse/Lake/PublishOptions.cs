using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Warehouse.Lake;

/// <summary>Configuration section <c>Publish</c>: the Parquet lake (issue 14 §3). No <see cref="Path"/> = no lake.</summary>
public sealed class PublishOptions : IValidatableObject
{
    public const string Section = "Publish";

    /// <summary>Root of the policy lake (no names, NIP or personal columns); unset = not published.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Instansi code (e.g. <c>kota-palembang</c>): the lake is written under <c>instansi=&lt;code&gt;/</c>, so several
    /// instansi publish side by side into one <see cref="Path"/>. Lower-case letters, digits and '-' only: it is a
    /// folder name and a Hive partition value.
    /// </summary>
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "Publish:Instansi must be lower-case letters, digits and '-', e.g. kota-palembang.")]
    public string? Instansi { get; set; }

    /// <summary>Published versions kept per lake (the current one included).</summary>
    [Range(1, 100, ErrorMessage = "Publish:Keep must be 1…100.")]
    public int Keep { get; set; } = 3;

    /// <summary>Root of the HR-only export (names and NIP allowed, same layout); unset = not written. Never inside <see cref="Path"/>.</summary>
    public string? HrPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Path);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(HrPath)) yield break;
        var policy = System.IO.Path.GetFullPath(Path!).TrimEnd('/') + "/";
        var hr = System.IO.Path.GetFullPath(HrPath).TrimEnd('/') + "/";
        // A reader globbing the policy lake must never pick up the HR export's files (or the other way round).
        if (hr.StartsWith(policy, StringComparison.Ordinal) || policy.StartsWith(hr, StringComparison.Ordinal))
            yield return new ValidationResult("Publish:HrPath must be a folder outside Publish:Path (and not contain it).", [nameof(HrPath)]);
    }
}
