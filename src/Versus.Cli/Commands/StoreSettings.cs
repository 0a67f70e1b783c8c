using System.ComponentModel;
using Spectre.Console.Cli;

namespace Versus.Cli.Commands;

/// <summary>
/// The results store option every command that reads or writes runs shares. Descriptions are Spectre markup, so the
/// optional parts of the address are written [[...]].
/// </summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <STORE>")]
    [Description("Results store: a SQLite file, or a PostgreSQL database as postgres://user[[:password]]@host[[:port]]/db " +
        "(default: $VERSUS_DB, else a SQLite file under the user's data directory).")]
    public string? Db { get; init; }
}
