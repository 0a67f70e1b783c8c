using System.ComponentModel;
using Spectre.Console.Cli;

namespace Versus.Cli.Commands;

public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("SQLite results file (default: under the user's data directory).")]
    public string? Db { get; init; }
}
