namespace Versus.Cli.Tests;

/// <summary>
/// Help is the first thing a user types: every command's help prints its usage and options. Option descriptions are
/// Spectre markup, so one unescaped "[...]" in any of them ends every help page with "could not find color or style".
/// </summary>
public sealed class HelpTests
{
    private const string StoreAddress = "postgres://user[:password]@host[:port]/db";

    [Theory]
    [InlineData("run", "--resume <RUN>", StoreAddress)]
    [InlineData("deploy", "--workloads <LIST>", StoreAddress)]
    [InlineData("import", "<RESULTS>", StoreAddress)]
    [InlineData("list", "versus list", "--help")]
    [InlineData("history", "versus history", StoreAddress)]
    [InlineData("show", "<RUN>", StoreAddress)]
    [InlineData("report", "--format", StoreAddress)]
    [InlineData("compare", "--threshold", StoreAddress)]
    [InlineData("serve", "--port", StoreAddress)]
    public async Task Should_PrintUsageAndOptions_When_CommandHelpIsAsked(string command, string option, string other)
    {
        var result = await VersusProcess.RunAsync(TimeSpan.FromSeconds(60), command, "--help");

        Assert.True(result.ExitCode == 0, $"versus {command} --help exited {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        Assert.Contains(option, result.Stdout);
        Assert.Contains(other, result.Stdout);
    }
}
