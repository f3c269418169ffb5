using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kepegawaian.Warehouse.Lake;

/// <summary>
/// <c>manifest.json</c> of one lake version: rows per table and the SHA-256 of every file (path relative to the
/// version folder, '/' separated), so a reader or a copy job can check it holds the whole version.
/// </summary>
public sealed record LakeManifest(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("instansi")] string? Instansi,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("tables")] IReadOnlyDictionary<string, long> Tables,
    [property: JsonPropertyName("files")] IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The lake layout and manifest format; raise it when either changes incompatibly.</summary>
    public const int CurrentSchemaVersion = 1;

    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LakeManifest Read(string versionFolder) =>
        JsonSerializer.Deserialize<LakeManifest>(File.ReadAllText(System.IO.Path.Combine(versionFolder, FileName)))
        ?? throw new InvalidDataException($"{versionFolder}/{FileName} is empty.");
}
