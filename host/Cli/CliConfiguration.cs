using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// What the one-shot commands read of `serve`'s configuration: appsettings.json beside the executable,
/// overridden by environment variables (<c>Etl__Inbox</c>, …), so an operator's `health` or `efisiensi`
/// sees the same inbox, thresholds and zone as the service.
/// </summary>
public static class CliConfiguration
{
    private static IConfiguration Root() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>Section <paramref name="section"/> bound to a new <typeparamref name="T"/> and validated (attributes, then IValidatableObject) like at `serve`'s start-up.</summary>
    public static T Get<T>(string section) where T : new()
    {
        var options = new T();
        Root().GetSection(section).Bind(options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true))
            throw new OperatorException($"Konfigurasi {section} tidak valid / invalid configuration: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return options;
    }
}
