using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>
/// A hostile input corpus: broken, huge, deep and malicious specs, IDX files, values, run ids and stores. Each is
/// answered with one line on stderr naming the thing and the fix, exit code 2, no stack trace, and the store that was
/// there before (one seeded run) still intact and listed afterwards (<see cref="RefusalCheck"/>). Weight files are
/// <see cref="HostileWeightsTests"/>.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly RefusalCheck refusal;

    public HostileInputTests() => refusal = new RefusalCheck(temp);

    public void Dispose() => temp.Dispose();

    private const string ValidSpec = """
        {"id":"hostile","input":{"channels":1,"height":28,"width":28},"classes":10,
         "training":{"optimizer":"sgd","learningRate":0.1,"batchSize":8,"epochs":1},
         "layers":[LAYERS]}
        """;

    private const string FlatHead = """{"type":"flatten"},{"type":"linear","out":10}""";

    public static TheoryData<string, string, string> Specs => new()
    {
        { "malformed", """{"id":"hostile", "input": }""", "is not valid JSON" },
        { "truncated", ValidSpec.Replace("LAYERS", FlatHead)[..60], "is not valid JSON" },
        { "empty", "", "is not valid JSON" },
        { "array", "[1,2,3]", "$" },
        { "zero channels", ValidSpec.Replace("\"channels\":1", "\"channels\":0").Replace("LAYERS", FlatHead), "$.input.channels" },
        { "negative height", ValidSpec.Replace("\"height\":28", "\"height\":-28").Replace("LAYERS", FlatHead), "$.input.height" },
        { "overflowing width", ValidSpec.Replace("\"width\":28", "\"width\":99999999999999999999999").Replace("LAYERS", FlatHead), "$.input.width" },
        { "zero batch", ValidSpec.Replace("\"batchSize\":8", "\"batchSize\":0").Replace("LAYERS", FlatHead), "$.training.batchSize" },
        { "negative linear", ValidSpec.Replace("LAYERS", """{"type":"flatten"},{"type":"linear","out":-10}"""), "$.layers[1].out" },
        { "overflowing conv", ValidSpec.Replace("LAYERS", """{"type":"conv2d","out":4294967297,"kernel":3},""" + FlatHead), "$.layers[0].out" },
        { "fractional kernel", ValidSpec.Replace("LAYERS", """{"type":"conv2d","out":8,"kernel":2.5},""" + FlatHead), "$.layers[0].kernel" },
        { "unknown layer", ValidSpec.Replace("LAYERS", """{"type":"transformer"},""" + FlatHead), "is 'transformer'; allowed:" },
        { "kernel too big", ValidSpec.Replace("LAYERS", """{"type":"conv2d","out":8,"kernel":29},""" + FlatHead), "$.layers[0]" },
        { "pool too big", ValidSpec.Replace("LAYERS", """{"type":"maxpool2d","kernel":64},""" + FlatHead), "$.layers[0]" },
        { "repeat a million", ValidSpec.Replace("LAYERS", """{"type":"repeat","times":1000000,"layers":[{"type":"relu"}]},""" + FlatHead), "$.layers[0].times" },
        { "nested repeats", ValidSpec.Replace("LAYERS",
            """{"type":"repeat","times":4096,"layers":[{"type":"repeat","times":4096,"layers":[{"type":"repeat","times":4096,"layers":[{"type":"relu"}]}]}]},""" + FlatHead),
            "more than 100000 layers; repeat fewer times" },
        { "string learning rate", ValidSpec.Replace("\"learningRate\":0.1", "\"learningRate\":\"fast\"").Replace("LAYERS", FlatHead), "$.training.learningRate" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Should_RefuseTheSpecInOneLine_When_ItIsHostile(string name, string json, string expected)
    {
        var spec = temp.File($"{name.Replace(' ', '-')}.json");
        await File.WriteAllTextAsync(spec, json);

        var line = await refusal.RunRefusedAsync("--workloads", spec);

        Assert.Contains(spec, line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task Should_RefuseTheSpecInOneLine_When_ItIsNestedTenThousandDeep()
    {
        var spec = temp.File("deep.json");
        await File.WriteAllTextAsync(spec, $"{{\"id\":\"deep\",\"layers\":{new string('[', 10_000)}{new string(']', 10_000)}}}");

        var line = await refusal.RunRefusedAsync("--workloads", spec);

        Assert.Contains(spec, line);
        Assert.Contains("depth", line);
    }

    [Fact]
    public async Task Should_RefuseTheSpecWithoutReadingIt_When_ItIsAHundredMegabytes()
    {
        var spec = temp.File("huge.json");
        await using (var file = new StreamWriter(spec))
        {
            await file.WriteAsync("{\"id\":\"huge\",\"description\":\"");
            var chunk = new string('a', 1 << 20);
            for (var i = 0; i < 100; i++) await file.WriteAsync(chunk);
            await file.WriteAsync("\"}");
        }

        var line = await refusal.RunRefusedAsync("--workloads", spec);

        Assert.Contains(spec, line);
        Assert.Contains("MB", line);
    }

    [Fact]
    public async Task Should_RefuseTheSpecInOneLine_When_ItIsBinary()
    {
        var spec = temp.File("binary.json");
        await File.WriteAllBytesAsync(spec, [0xFF, 0xFE, 0x00, 0x01, 0x02, 0xC3, 0x28, 0x80, 0x81]);

        var line = await refusal.RunRefusedAsync("--workloads", spec);

        Assert.Contains(spec, line);
    }

    [Fact]
    public async Task Should_RefuseTheSpecInOneLine_When_ItIsAFolder()
    {
        var spec = Directory.CreateDirectory(temp.File("folder.json")).FullName;

        var line = await refusal.RunRefusedAsync("--workloads", spec);

        Assert.Contains(spec, line);
    }

    private static byte[] Int32BigEndian(long value) =>
        [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] Images(long count, int rows, int columns, int pixels) =>
        [0, 0, 8, 3, .. Int32BigEndian(count), .. Int32BigEndian(rows), .. Int32BigEndian(columns), .. new byte[pixels]];

    private static byte[] Labels(long count, params byte[] labels) => [0, 0, 8, 1, .. Int32BigEndian(count), .. labels];

    private static byte[] TenLabels => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    public static TheoryData<string, byte[], byte[], string> IdxFiles => new()
    {
        { "truncated header", [0, 0, 8, 3, 0], Labels(10, TenLabels), "train-images-idx3-ubyte' is truncated: shorter than the 16-byte" },
        { "truncated pixels", Images(10, 28, 28, 784 * 9), Labels(10, TenLabels), "is truncated" },
        { "wrong image magic", [1, 2, 3, 4, .. Images(10, 28, 28, 784 * 10)[4..]], Labels(10, TenLabels), "wrong magic number" },
        { "labels as images", Labels(10, TenLabels), Labels(10, TenLabels), "train-images-idx3-ubyte" },
        { "counts differ", Images(10, 28, 28, 784 * 10), Labels(9, TenLabels[..9]), "train-labels-idx1-ubyte" },
        { "label out of range", Images(10, 28, 28, 784 * 10), Labels(10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 200]), "200" },
        { "negative count", Images(0xFFFFFFFF, 28, 28, 784), Labels(10, TenLabels), "train-images-idx3-ubyte' declares -1 images of 28x28" },
        { "two billion images", Images(int.MaxValue, 28, 28, 784), Labels(10, TenLabels), "holds 10 labels but train-images-idx3-ubyte holds 2147483647" },
        { "huge images", Images(10, 1 << 30, 1 << 30, 784), Labels(10, TenLabels), "declares 10 images of 1073741824x1073741824" },
        { "zero-sized images", Images(10, 0, 0, 0), Labels(10, TenLabels), "declares 10 images of 0x0" },
        { "damaged gzip", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef], Labels(10, TenLabels), "is a damaged gzip file" },
    };

    [Theory]
    [MemberData(nameof(IdxFiles))]
    public async Task Should_RefuseTheIdxFilesInOneLine_When_TheyAreHostile(string name, byte[] trainImages, byte[] trainLabels, string expected)
    {
        var folder = Directory.CreateDirectory(temp.File(name.Replace(' ', '-'))).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "train-images-idx3-ubyte"), trainImages);
        await File.WriteAllBytesAsync(Path.Combine(folder, "train-labels-idx1-ubyte"), trainLabels);
        await File.WriteAllBytesAsync(Path.Combine(folder, "t10k-images-idx3-ubyte"), Images(10, 28, 28, 784 * 10));
        await File.WriteAllBytesAsync(Path.Combine(folder, "t10k-labels-idx1-ubyte"), Labels(10, TenLabels));

        var line = await refusal.RunRefusedAsync("--workloads", "small-cnn-28", "--data", folder);

        Assert.Contains("--data", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task Should_RefuseTheIdxFilesInOneLine_When_AGzipIsNotGzip()
    {
        var folder = Directory.CreateDirectory(temp.File("not-gzip")).FullName;
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".gz"), "this is not gzip at all");

        var line = await refusal.RunRefusedAsync("--workloads", "small-cnn-28", "--data", folder);

        Assert.Contains("train-images-idx3-ubyte.gz", line);
    }

    [Theory]
    [InlineData("--threads", "-1")]
    [InlineData("--threads", "99999999999999999999")]
    [InlineData("--threads", "")]
    [InlineData("--threads", "4.0")]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "1e3")]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "0x2A")]
    [InlineData("--train-images", "99999999999")]
    [InlineData("--test-images", "٣")]
    public async Task Should_NameTheValueAndTheRange_When_ANumberIsHostile(string option, string value)
    {
        var line = await refusal.RunRefusedAsync(option, value);

        Assert.Contains(value.Length == 0 ? $"{option} is not a whole number from" : $"{option} '{value}' is not a whole number from", line);
    }

    [Theory]
    [InlineData("=1")]
    [InlineData("speed=NaN")]
    [InlineData("speed=1e999")]
    [InlineData("speed=1;DROP TABLE runs")]
    public async Task Should_NameThePriorities_When_TheyAreHostile(string value)
    {
        var line = await refusal.RunRefusedAsync("--priorities", value);

        Assert.Contains("--priorities '", line);
    }

    public static TheoryData<string> RunIds => new()
    {
        "x'; DROP TABLE runs; --",
        "\"20990101-seeded\"",
        "../../../etc/passwd",
        "..\\..\\windows",
        "%",
        "_",
        "20990101-seeded\nerror: forged",
        "\u001b[31mred\u001b[0m",
        "a\0b",
    };

    [Theory]
    [MemberData(nameof(RunIds))]
    public async Task Should_SayTheRunIsNotStored_When_ShowIsGivenAHostileId(string id)
    {
        var line = await refusal.RefusedAsync("show", id, "--db", refusal.Db);

        Assert.Contains("is not stored in", line);
    }

    [Theory]
    [InlineData("x'; DROP TABLE runs; --")]
    [InlineData("20990101-seeded\r\nerror: forged")]
    public async Task Should_SayTheRunIsNotStored_When_ReportIsGivenAHostileId(string id)
    {
        var line = await refusal.RefusedAsync("report", id, "--db", refusal.Db, "--out", temp.File("report.html"));

        Assert.Contains("is not stored in", line);
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("\t\u0007")]
    public async Task Should_SayTheRunIsNotStored_When_CompareIsGivenAHostileId(string id)
    {
        var line = await refusal.RefusedAsync("compare", RefusalCheck.SeededRun, id, "--db", refusal.Db);

        Assert.Contains("is not stored in", line);
    }

    [Theory]
    [InlineData("'; DELETE FROM runs; --")]
    [InlineData("../seeded")]
    [InlineData("seed\ned")]
    public async Task Should_RefuseTheResume_When_TheIdIsHostile(string id)
    {
        var line = await refusal.RefusedAsync("run", "--resume", id, "--db", refusal.Db);

        Assert.Contains("--resume", line);
    }

    /// <summary>
    /// --out values no one can write, root included (these tests run as root, for whom permissions are no obstacle):
    /// a folder in /proc, a path under a file, a file. FILE stands for a file the test writes.
    /// </summary>
    [Theory]
    [InlineData("run", "/proc/versus-x", "is not writable (", "); choose a folder you can write to")]
    [InlineData("run", "FILE/sub", "is not writable (", "); choose a folder you can write to")]
    [InlineData("run", "FILE", "is not writable (", "); choose a folder you can write to")]
    [InlineData("deploy", "/proc/versus-x", "is not writable (", "); choose a folder you can write to")]
    [InlineData("report", "FILE/sub/report.html", "lies under FILE, a file rather than a folder", "; choose a file in a folder you can write to")]
    [InlineData("report", "/proc/versus-x.html", "could not be written (", "); choose a file in a folder you can write to")]
    public async Task Should_NameOutAndTheFix_When_NoOneCanWriteThere(string command, string value, string problem, string fix)
    {
        var file = temp.File("out-file");
        await File.WriteAllTextAsync(file, "a file, not a folder");
        var outPath = value.Replace("FILE", file, StringComparison.Ordinal);
        string[] args = command == "report" ? ["report", RefusalCheck.SeededRun] : [command, "--quick"];

        var line = await refusal.RefusedAsync([.. args, "--out", outPath, "--db", refusal.Db]);

        Assert.StartsWith($"error: --out '{outPath}' {problem.Replace("FILE", file, StringComparison.Ordinal)}", line);
        Assert.EndsWith(fix, line);
        Assert.Equal("a file, not a folder", await File.ReadAllTextAsync(file));
        Assert.False(Directory.Exists(outPath) || (outPath != file && File.Exists(outPath)), $"{outPath} was written");
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")] // Unix permissions; Windows read-only folders are another mechanism.
    public async Task Should_NameTheFolder_When_OutIsReadOnly()
    {
        Skip.If(Environment.UserName == "root", "root writes to read-only folders; run as a normal user to check");
        var folder = Directory.CreateDirectory(temp.File("read-only")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var line = await refusal.RunRefusedAsync("--out", folder);

            Assert.Contains($"--out '{folder}' is not writable", line);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Should_NameTheStore_When_DbIsAFolder()
    {
        var folder = Directory.CreateDirectory(temp.File("db-folder")).FullName;

        var line = await refusal.RefusedAsync("history", "--db", folder);

        Assert.Contains(folder, line);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task Should_NameTheStore_When_DbIsNotADatabase()
    {
        var file = temp.File("notes.txt");
        var text = string.Concat(Enumerable.Repeat("not a database, just notes\n", 200));
        await File.WriteAllTextAsync(file, text);

        var line = await refusal.RefusedAsync("show", RefusalCheck.SeededRun, "--db", file);

        Assert.Contains(file, line);
        Assert.Equal(text, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Should_SayUpgrade_When_DbHasANewerSchema()
    {
        var newer = temp.File("newer.db");
        await (await SqliteResultStore.OpenAsync(newer)).DisposeAsync();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = newer, Pooling = false }.ToString()))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({SqliteResultStore.KnownSchemaVersion + 1}, 'future', 'x')";
            insert.ExecuteNonQuery();
        }
        var before = await File.ReadAllBytesAsync(newer);

        var line = await refusal.RefusedAsync("history", "--db", newer);

        Assert.Contains("upgrade Versus", line);
        Assert.Equal(before, await File.ReadAllBytesAsync(newer));
    }

    [Fact]
    public async Task Should_NameTheStoreBeforeMeasuring_When_RunIsGivenAFolderAsDb()
    {
        var folder = Directory.CreateDirectory(temp.File("run-db-folder")).FullName;

        var line = await refusal.RefusedAsync("run", "--quick", "--db", folder, "--out", temp.File("out"));

        Assert.Contains($"'{folder}'", line);
        Assert.False(File.Exists(Path.Combine(temp.File("out"), "results.json")), "the run measured without a store");
    }

    [Theory]
    [InlineData("history")]
    [InlineData("show")]
    [InlineData("run")]
    public async Task Should_NameTheServerWithoutAStackTrace_When_PostgresIsUnreachable(string command)
    {
        string[] args = command switch
        {
            "show" => ["show", RefusalCheck.SeededRun],
            "run" => ["run", "--quick", "--out", temp.File("out")],
            _ => ["history"],
        };

        var line = await refusal.RefusedAsync([.. args, "--db", "postgres://versus:secret@127.0.0.1:1/db"]);

        Assert.Contains("127.0.0.1", line);
        Assert.DoesNotContain("secret", line);
    }
}
