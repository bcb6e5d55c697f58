using RunRate.Storage.Workspaces;

namespace RunRate.Storage.Access;

/// <summary>API tokens: created with a secret returned once, stored as the secret's SHA-256 only.</summary>
internal sealed partial class AccessStore
{
    private const string TokenColumns = "token_id, name, ws_key, role, created, created_by, expires, revoked, last_used";

    /// <summary>Last use is recorded at most this often, so a busy token does not write on every request.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public NewToken CreateToken(string name, string workspace, Role role, DateTimeOffset? expires, string createdBy)
    {
        var label = AccessNames.Label(name, "token");
        Workspace.Check(workspace);
        var creator = AccessNames.Label(createdBy, "creator");
        var roleKey = AccessRoles.Key(role);
        var now = _clock.GetUtcNow();
        if (expires is { } e && e <= now)
        {
            throw new ArgumentException($"the expiry {AccessDb.Time(e)} is not in the future", nameof(expires));
        }

        var secret = TokenSecrets.NewSecret();
        var info = new TokenInfo(TokenSecrets.NewId(), label, workspace, role, Rounded(now), creator, expires is { } x ? Rounded(x) : null, null, null);
        var done = _db.Write(
            (c, t) =>
            {
                if (!Exists(c, t, "SELECT 1 FROM access_workspaces WHERE ws_key = @k", workspace))
                {
                    throw new ArgumentException($"no workspace '{workspace}' (add it first: runrate workspace add {workspace})", nameof(workspace));
                }

                var taken = AccessDb.Query(c, t, "SELECT 1 FROM access_tokens WHERE ws_key = @w AND name_key = @n AND revoked IS NULL", _ => true, ("@w", workspace), ("@n", AccessNames.Key(label))).Count > 0;
                if (taken)
                {
                    return false;
                }

                AccessDb.Execute(
                    c,
                    t,
                    $"INSERT INTO access_tokens ({TokenColumns}, name_key, secret_sha256) VALUES (@id, @n, @w, @r, @c, @b, @e, NULL, NULL, @k, @h)",
                    ("@id", info.Id),
                    ("@n", label),
                    ("@w", workspace),
                    ("@r", roleKey),
                    ("@c", AccessDb.Time(info.Created)),
                    ("@b", creator),
                    ("@e", AccessDb.Time(info.Expires)),
                    ("@k", AccessNames.Key(label)),
                    ("@h", TokenSecrets.Hash(secret)));
                return true;
            },
            false);
        return done
            ? new NewToken(info, secret)
            : throw new ArgumentException($"workspace '{workspace}' already has an active token named '{label}'; revoke it first or choose another name", nameof(name));
    }

    public IReadOnlyList<TokenInfo> Tokens(string? workspace)
    {
        if (workspace is not null)
        {
            Workspace.Check(workspace);
        }

        var sql = $"SELECT {TokenColumns} FROM access_tokens" + (workspace is null ? "" : " WHERE ws_key = @w");
        return _db.Read(c => AccessDb.Query(c, null, sql, ReadToken, workspace is null ? [] : [("@w", workspace)]))
            .OrderBy(t => t.Workspace, StringComparer.Ordinal)
            .ThenBy(t => t.Created)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
    }

    public WriteOutcome RevokeToken(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        return _db.Write(
            (c, t) =>
            {
                if (!Exists(c, t, "SELECT 1 FROM access_tokens WHERE token_id = @k", trimmed))
                {
                    return WriteOutcome.NotFound;
                }

                // Revoking twice keeps the first revocation's time.
                AccessDb.Execute(c, t, "UPDATE access_tokens SET revoked = @r WHERE token_id = @k AND revoked IS NULL", ("@r", Now()), ("@k", trimmed));
                return WriteOutcome.Done;
            },
            WriteOutcome.Conflict);
    }

    public TokenInfo? Authenticate(string secret)
    {
        if (!TokenSecrets.LooksLikeSecret(secret))
        {
            return null;
        }

        var hash = TokenSecrets.Hash(secret);
        var token = _db.Read(c => AccessDb.Query(c, null, $"SELECT {TokenColumns} FROM access_tokens WHERE secret_sha256 = @h", ReadToken, ("@h", hash))).SingleOrDefault();
        var now = _clock.GetUtcNow();
        if (token is null || token.Revoked is not null || (token.Expires is { } expires && expires <= now))
        {
            return null;
        }

        if (token.LastUsed is { } last && now - last < LastUseResolution)
        {
            return token;
        }

        var used = Rounded(now);
        _db.Write((c, t) => AccessDb.Execute(c, t, "UPDATE access_tokens SET last_used = @u WHERE token_id = @k", ("@u", AccessDb.Time(used)), ("@k", token.Id)), 0);
        return token with { LastUsed = used };
    }

    /// <summary>The instant as stored (100 ns ticks, UTC), so a fresh record equals the one read back.</summary>
    private static DateTimeOffset Rounded(DateTimeOffset value) => AccessDb.ParseTime(AccessDb.Time(value));

    private static TokenInfo ReadToken(System.Data.Common.DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        AccessRoles.Parse(r.GetString(3)),
        AccessDb.ParseTime(r.GetString(4)),
        r.GetString(5),
        AccessDb.TimeOrNull(r, 6),
        AccessDb.TimeOrNull(r, 7),
        AccessDb.TimeOrNull(r, 8));
}
