using System.Reflection;

namespace Kepegawaian.Warehouse;

/// <summary>Reads SQL model files embedded in an assembly (resource name = path below <c>Sql/</c>).</summary>
public static class SqlResources
{
    public static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SQL resource '{name}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Names of the embedded resources under a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> List(Assembly assembly, string folder) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
