using Npgsql;

namespace Kepegawaian.Host.Tests.Cluster;

/// <summary>
/// A fresh database, dropped on dispose, in the throw-away PostgreSQL that tests/run.sh starts (tests/postgres.sh)
/// and names in <c>KEP_TEST_POSTGRES</c>. Missing variable = a failure saying how to get one, never a skip: CI must run these.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "KEP_TEST_POSTGRES";

    private readonly string server;
    private readonly string name;

    private TestPostgres(string server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The Npgsql connection string of this test's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set: this test needs PostgreSQL. Run it through tests/run.sh, or start one with " +
                $"`source tests/postgres.sh && pg_start` and run dotnet test in that shell.");
        var name = $"kep_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await create.ExecuteNonQueryAsync();
        }
        return new TestPostgres(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var c = new NpgsqlConnection(server);
        await c.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        await drop.ExecuteNonQueryAsync();
    }
}
