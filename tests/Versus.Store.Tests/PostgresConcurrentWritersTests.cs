using Npgsql;
using Versus.Testing;
using Xunit;

namespace Versus.Store.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentWritersTests(PostgresServer server) : ConcurrentWritersContract
{
    private string database = "";

    protected override async Task<string> StoreAsync()
    {
        var url = await server.CreateDatabaseAsync();
        database = url[(url.LastIndexOf('/') + 1)..];
        return url;
    }

    protected override async Task<IReadOnlyList<(string RunId, string RecordId, string Engine, double Median)>> MetricRowsAsync()
    {
        await using var connection = server.OpenAdmin(database);
        await using var command = new NpgsqlCommand(
            "SELECT m.run_id, m.record_id, m.engine, x.median FROM metrics x JOIN measurements m ON m.id = x.measurement_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, double)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
        return rows;
    }
}
