using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RunRate.Engine.Ledger;

namespace RunRate.Storage;

/// <summary>
/// The version of one stored customer or line: a hash of its canonical content (every field, decimals without
/// trailing zeros, dates as ISO text). It needs no schema change, is the same on SQLite and PostgreSQL, survives an
/// export and restore, and changes with any write that changes the row, whoever makes it (the API, an import, the
/// CRM). A row changed and changed back gets its old version again, which is harmless for optimistic concurrency:
/// a writer holding that version read exactly the content that is stored. The web API sends it as a strong ETag.
/// </summary>
public static class RowVersion
{
    /// <summary>The version of a customer as stored.</summary>
    public static string Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var text = new StringBuilder("customer");
        Field(text, customer.Id.Value);
        Field(text, customer.Name);
        Field(text, customer.Country);
        Field(text, customer.Segment);
        Field(text, customer.Channel);
        Field(text, customer.Owner);
        foreach (var (key, value) in customer.Attributes)
        {
            Field(text, key);
            Field(text, value);
        }

        return Hash(text);
    }

    /// <summary>The version of a line as stored.</summary>
    public static string Of(RevenueLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = new StringBuilder("line");
        Field(text, line.Id.Value);
        Field(text, line.CustomerId.Value);
        Field(text, line.Kind.ToLedgerText());
        Field(text, line.Product);
        Field(text, Date(line.Start));
        Field(text, line.End is { } end ? Date(end) : null);
        Field(text, Canonical(line.Amount));
        Field(text, Canonical(line.Quantity));
        Field(text, line.Currency.Value);
        Field(text, line.IntervalMonths?.ToString(CultureInfo.InvariantCulture));
        return Hash(text);
    }

    /// <summary>A decimal without trailing zeros (12.50 and 12.5 are the same amount, whatever scale an engine keeps).</summary>
    internal static string Canonical(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each field behind a separator and its presence, so null, "" and shifted fields never collide.</summary>
    private static void Field(StringBuilder text, string? value)
    {
        text.Append('\u001f');
        if (value is null)
        {
            text.Append('-');
            return;
        }

        text.Append('+').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }

    /// <summary>128 bits of SHA-256 as 32 lower-case hex digits: plenty against accidental collisions, short in a header.</summary>
    private static string Hash(StringBuilder text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}

/// <summary>
/// What a single-row write expects to find stored (HTTP's <c>If-Match</c>): any version (<see cref="Any"/>, the row must
/// exist) or one of some <see cref="RowVersion"/> values. Checked inside the write's transaction, after the row's
/// existence: a missing row stays <see cref="WriteOutcome.NotFound"/>, a stored row of another version is
/// <see cref="WriteOutcome.PreconditionFailed"/> and nothing is written.
/// </summary>
public sealed class ExpectedVersion
{
    private readonly IReadOnlyList<string> _versions;

    private ExpectedVersion(IReadOnlyList<string> versions)
    {
        _versions = versions;
    }

    /// <summary>Any stored version (<c>If-Match: *</c>).</summary>
    public static ExpectedVersion Any { get; } = new([]);

    /// <summary>True for <see cref="Any"/>.</summary>
    public bool IsAny => _versions.Count == 0;

    /// <summary>The versions accepted (empty for <see cref="Any"/>).</summary>
    public IReadOnlyList<string> Versions => _versions;

    /// <summary>One of these versions (at least one).</summary>
    public static ExpectedVersion OneOf(IEnumerable<string> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var list = versions.ToArray();
        return list.Length == 0 ? throw new ArgumentException("at least one version is needed; use Any for any", nameof(versions)) : new ExpectedVersion(list);
    }

    /// <summary>Exactly this version.</summary>
    public static ExpectedVersion Of(string version) => OneOf([version]);

    /// <summary>Whether a row whose version is <paramref name="current"/> (null: not stored) meets the expectation.</summary>
    public bool Matches(string? current) => current is not null && (IsAny || _versions.Contains(current, StringComparer.Ordinal));

    /// <inheritdoc />
    public override string ToString() => IsAny ? "*" : string.Join(", ", _versions);
}
