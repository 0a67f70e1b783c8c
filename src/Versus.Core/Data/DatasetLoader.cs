namespace Versus.Core.Data;

/// <summary>Builds a dataset from its source description: the same call in the parent and in every .NET worker.</summary>
public static class DatasetLoader
{
    public static Dataset Load(DataSource source, Models.ActivationShape shape, int classes) => source.Kind switch
    {
        DataSource.Generated => GeneratedDataset.Create(shape, classes, source),
        DataSource.Idx => IdxDataset.Load(source, classes),
        _ => throw new ArgumentException($"Unknown data source kind '{source.Kind}'.", nameof(source)),
    };
}
