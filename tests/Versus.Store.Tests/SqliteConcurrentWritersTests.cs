namespace Versus.Store.Tests;

public sealed class SqliteConcurrentWritersTests : ConcurrentWritersContract
{
    protected override Task<string> StoreAsync() => Task.FromResult(Folder.File("shared.db"));

    protected override Task<IReadOnlyList<(string RunId, string RecordId, string Engine, double Median)>> MetricRowsAsync() =>
        Task.FromResult<IReadOnlyList<(string, string, string, double)>>(RawDatabase.Rows(Folder.File("shared.db"), """
            SELECT m.run_id, m.record_id, m.engine, x.median FROM metrics x JOIN measurements m ON m.id = x.measurement_id
            """).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (double)r[3]!)).ToList());
}
