using Kepegawaian.Warehouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kepegawaian.Service.Clustering;

/// <summary>
/// Creates the Quartz job store in PostgreSQL before the scheduler starts (registered ahead of Quartz's hosted
/// service), so Quartz only validates it. Nodes starting together take turns on an advisory lock: concurrent
/// <c>CREATE … IF NOT EXISTS</c> can still collide in PostgreSQL's catalog. The lock rows are inserted here too,
/// up front, rather than by the first node that needs one (the lock-row insert race, quartznet#1786).
/// </summary>
public sealed class QuartzSchema(IOptions<QuartzClusteringOptions> options) : IHostedService
{
    /// <summary>Quartz's default table prefix; PostgreSQL folds its unquoted QRTZ_ to this.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>The row locks Quartz's PostgreSQL store takes (SELECT … FOR UPDATE on qrtz_locks).</summary>
    public static readonly string[] LockNames = ["TRIGGER_ACCESS", "STATE_ACCESS"];

    private const long AdvisoryLockKey = 0x6B65_7071_7274; // "kepqrt": any constant shared by all nodes

    public Task StartAsync(CancellationToken cancellationToken) => ProvisionAsync(options.Value.ConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Idempotent: safe on an existing schema and from several nodes at once.</summary>
    public static async Task ProvisionAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var script = SqlResources.Read(typeof(QuartzSchema).Assembly, "quartz/create_postgres.sql")
            .Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        // Quartz's own separator: a line reading exactly '--;;'.
        foreach (var statement in script.Split("\n--;;\n", StringSplitOptions.RemoveEmptyEntries))
            if (statement.Split('\n').Any(l => l.Trim() is { Length: > 0 } t && !t.StartsWith("--", StringComparison.Ordinal)))
                await ExecuteAsync(connection, tx, statement, cancellationToken);
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {TablePrefix}locks (sched_name, lock_name) SELECT @sched, unnest(@locks) ON CONFLICT DO NOTHING", connection, tx))
        {
            insert.Parameters.AddWithValue("sched", QuartzClusteringOptions.SchedulerName);
            insert.Parameters.AddWithValue("locks", LockNames);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
