using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Kepegawaian.Service.Clustering;

/// <summary>
/// Clustered `serve` only: every job holds the live warehouse read-write for exactly its own run. Before the job
/// the node opens (and migrates) the file, waiting while another node's job holds it — DuckDB's file lock is the
/// cluster-wide writer turn, also between different jobs, which <c>[DisallowConcurrentExecution]</c> does not cover
/// (it is per job key, quartznet#2697). The connection keeps the process's DuckDB instance open, so the job's own
/// connections share it; after the job it is closed and the file is free for the next node. A node killed mid-job
/// loses the lock with its process.
/// </summary>
public sealed class JobWarehouseTurn(WarehouseDatabase database, TimeProvider time, ILogger<JobWarehouseTurn> logger) : IJobListener
{
    private readonly ConcurrentDictionary<string, DuckDBConnection> held = new(StringComparer.Ordinal);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);

    public string Name => "warehouse-turn";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // RequestRecovery: Quartz re-fires a dead node's run here, once (its #2817 guard keeps a second node from doing the same).
        if (context.Recovering)
            logger.LogWarning("Job {Job} recovered: the node running it stopped mid-run", context.JobDetail.Key);
        var announced = false;
        while (true)
        {
            try
            {
                held[context.FireInstanceId] = database.OpenAndMigrate();
                return;
            }
            catch (WarehouseLockedException)
            {
                if (!announced)
                    logger.LogInformation("Job {Job} waits for the warehouse, held by another node's job", context.JobDetail.Key);
                announced = true;
                await Task.Delay(Retry, time, cancellationToken);
            }
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => Release(context);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        Release(context);

    private ValueTask Release(IJobExecutionContext context)
    {
        if (held.TryRemove(context.FireInstanceId, out var connection)) connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
