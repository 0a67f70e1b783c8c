namespace Versus.Store.Migrations;

/// <summary>One numbered schema change: applied once, in order, in its own transaction.</summary>
internal sealed record SqlMigration(int Version, string Name, string Sql);
