namespace Versus.Core.Results;

public sealed record WorkloadRecord(
    string Id,
    string Description,
    string Input,
    int Classes,
    long Parameters,
    long ForwardFlopsPerExample,
    long TrainingFlopsPerExample,
    int BatchSize,
    int ThroughputBatchSize,
    int Epochs,
    string Optimizer,
    string Dataset,
    string SpecFile);
