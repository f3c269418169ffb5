using Kepegawaian.Service.Clustering;

namespace Kepegawaian.Host.Tests.Cluster;

/// <summary>Start-up provisioning of the Quartz job store: several nodes at once, and again on every start.</summary>
[Trait("Category", "Cluster")]
public sealed class QuartzSchemaTests
{
    [Fact]
    public async Task Four_nodes_provisioning_at_once_then_again_leave_one_schema_with_both_lock_rows()
    {
        await using var pg = await TestPostgres.CreateAsync();

        // Concurrent CREATE TABLE IF NOT EXISTS races in PostgreSQL's catalog without the advisory lock.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => QuartzSchema.ProvisionAsync(pg.ConnectionString, CancellationToken.None))));
        await QuartzSchema.ProvisionAsync(pg.ConnectionString, CancellationToken.None);

        // Quartz 4.7.3's PostgreSQL store has 15 tables (11 of 3.x; paused_job_grps, execution_history, misfire_history, job_status).
        Assert.Equal(15L, await pg.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'qrtz\\_%'"));
        // Present before any scheduler ran, so no node ever inserts one under contention (quartznet#1786).
        Assert.Equal("STATE_ACCESS,TRIGGER_ACCESS", await pg.ScalarAsync<string>(
            $"SELECT string_agg(lock_name, ',' ORDER BY lock_name) FROM qrtz_locks WHERE sched_name = '{QuartzClusteringOptions.SchedulerName}'"));
    }
}
