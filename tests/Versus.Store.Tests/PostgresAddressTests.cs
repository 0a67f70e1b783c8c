using Npgsql;
using Versus.Store.Postgres;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>How a --db value for PostgreSQL is read, and that no message made from it repeats its password.</summary>
public sealed class PostgresAddressTests
{
    [Theory]
    [InlineData("postgres://me@db.example/results", true)]
    [InlineData("postgresql://me@db.example/results", true)]
    [InlineData("Host=db.example;Database=results", true)]
    [InlineData("Username=me; host = db.example", true)]
    [InlineData("results.db", false)]
    [InlineData("/data/host=1/results.db", false)]
    [InlineData("sqlite-postgres.db", false)]
    public void Should_RecognisePostgres_When_ValueIsUrlOrKeywordsWithHost(string value, bool expected)
    {
        Assert.Equal(expected, PostgresResultStore.IsAddress(value));
    }

    [Fact]
    public void Should_DecodeEveryPart_When_UrlHasEscapesPortAndParameters()
    {
        var address = PostgresAddress.Parse("postgresql://team%20lead:p%40ss%3Aw0rd@db.example:5433/bench%2Dresults?sslmode=disable&application_name=versus");
        var builder = new NpgsqlConnectionStringBuilder(address.ConnectionString);

        Assert.Equal("team lead", builder.Username);
        Assert.Equal("p@ss:w0rd", builder.Password);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("bench-results", builder.Database);
        Assert.Equal(SslMode.Disable, builder.SslMode);
        Assert.Equal("versus", builder.ApplicationName);
        Assert.Equal("postgres://team%20lead@db.example:5433/bench-results", address.Display);
        Assert.Equal("p@ss:w0rd", address.Password);
    }

    [Fact]
    public void Should_DescribeWithoutPassword_When_GivenKeywords()
    {
        var address = PostgresAddress.Parse("Host=10.0.0.5;Port=6543;Username=ci;Password=hunter22;Database=versus");

        Assert.Equal("postgres://ci@10.0.0.5:6543/versus", address.Display);
        Assert.DoesNotContain("hunter22", address.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://me:topsecret@/results", "not a valid URL")]
    [InlineData("Host=;Password=topsecret;Database=results", "names no host")]
    [InlineData("postgres://me:topsecret@db.example:notaport/results", "not a valid URL")]
    [InlineData("postgres://me:topsecret@db.example/results?bogus=1", "'bogus'")]
    [InlineData("Host=db.example;Password=topsecret;Bogus=1", "not valid")]
    public void Should_RefuseInOneLineWithoutPassword_When_AddressIsMalformed(string value, string expected)
    {
        var ex = Assert.Throws<StoreException>(() => PostgresAddress.Parse(value));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://user[:password]@host[:port]/database", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
