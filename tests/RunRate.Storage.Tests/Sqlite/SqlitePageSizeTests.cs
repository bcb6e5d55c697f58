using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Sqlite;

/// <summary>New store files get 16 KiB pages: a big import writes and checkpoints a quarter as many pages at commit.</summary>
public sealed class SqlitePageSizeTests : IDisposable
{
    private readonly TempStore _store = new();

    [Fact]
    public void A_new_store_uses_16_KiB_pages_in_WAL_mode()
    {
        using (var created = _store.Open())
        {
        }

        PageSize().ShouldBe(16384);
        Scalar("PRAGMA journal_mode").ShouldBe("wal");
    }

    public void Dispose() => _store.Dispose();

    private int PageSize() => int.Parse(Scalar("PRAGMA page_size"), CultureInfo.InvariantCulture);

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
