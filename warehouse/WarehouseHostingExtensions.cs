using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Warehouse;

public static class WarehouseHostingExtensions
{
    /// <summary>Binds <see cref="WarehouseOptions"/> (validated at start-up) <see cref="ScheduleOptions"/> and <see cref="Lake.PublishOptions"/>, and registers <see cref="WarehouseDatabase"/> and the process's one <see cref="WarehouseWriteGate"/>.</summary>
    public static IHostApplicationBuilder AddWarehouse(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WarehouseOptions>()
            .Bind(builder.Configuration.GetSection(WarehouseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ScheduleOptions>()
            .Bind(builder.Configuration.GetSection(ScheduleOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<Lake.PublishOptions>()
            .Bind(builder.Configuration.GetSection(Lake.PublishOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WarehouseDatabase>();
        builder.Services.AddSingleton<WarehouseWriteGate>();
        return builder;
    }
}
