using Npgsql;

namespace RunRate.Storage;

/// <summary>
/// Turns the PostgreSQL locations users type (<c>postgres://user:secret@host:5432/db?sslmode=require</c>, or an
/// Npgsql key/value string) into an Npgsql connection string, and shows a location without its password.
/// </summary>
public static class PostgresLocation
{
    /// <summary>The Npgsql connection string for <paramref name="location"/>; a <see cref="StoreException"/> when it cannot be read.</summary>
    public static string ToConnectionString(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var trimmed = location.Trim();
        if (!trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(trimmed).ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw new StoreException($"Cannot read the PostgreSQL connection string: {ex.Message}", ex);
            }
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException("Cannot read the PostgreSQL URL: expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException ex)
            {
                throw new StoreException($"Cannot read the PostgreSQL URL: the option '{key}' is not known ({ex.Message}).", ex);
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The location with any password replaced by <c>***</c>, for messages and logs.</summary>
    public static string Redact(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(location));
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (StoreException)
        {
            return "postgresql://(unreadable location)";
        }
    }
}
