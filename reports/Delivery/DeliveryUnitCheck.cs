using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kepegawaian.Reports.Delivery;

/// <summary>
/// At start-up of <c>serve</c>, once the warehouse is open and migrated (registered after the warehouse lease): logs each
/// <c>Delivery:Recipients</c> entry bound to a kode_unit that dim_unit does not hold, naming the entry. It does not stop the
/// service — before the first load dim_unit is empty, and the other recipients must still get their report; delivery
/// reports the same entry as <c>invalid</c> each time it runs.
/// </summary>
public sealed class DeliveryUnitCheck(ReportDeliveryService delivery, ILogger<DeliveryUnitCheck>? logger = null) : IHostedService
{
    private readonly ILogger log = logger ?? NullLogger<DeliveryUnitCheck>.Instance;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (_, error) in delivery.UnknownUnits()) log.LogError("{Error}", error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Delivery:Recipients: the units could not be checked against the warehouse now; delivery checks them again");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
