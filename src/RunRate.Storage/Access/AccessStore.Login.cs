namespace RunRate.Storage.Access;

/// <summary>Logins and lockout (see <see cref="AccessPolicy"/>).</summary>
internal sealed partial class AccessStore
{
    public LoginAttempt Login(string name, string password)
    {
        password ??= "";
        var key = AccessNames.Key(name ?? "");
        var now = _clock.GetUtcNow();
        var row = _db.Read(c => AccessDb.Query(
            c,
            null,
            "SELECT password_hash, locked_until FROM access_users WHERE user_key = @k",
            r => (Hash: r.GetString(0), LockedUntil: AccessDb.TimeOrNull(r, 1)),
            ("@k", key))).SingleOrDefault();
        if (row.Hash is null)
        {
            // Unknown name: spend the time a real check takes, so a reply's timing does not tell names apart.
            PasswordHasher.VerifyDummy(password);
            return new LoginAttempt(LoginResult.Invalid, null, null);
        }

        if (row.LockedUntil is { } locked && locked > now)
        {
            return new LoginAttempt(LoginResult.LockedOut, null, locked);
        }

        if (!PasswordHasher.Verify(password, row.Hash))
        {
            var until = RecordFailure(key, now);
            return until is null ? new LoginAttempt(LoginResult.Invalid, null, null) : new LoginAttempt(LoginResult.LockedOut, null, until);
        }

        var rehash = PasswordHasher.NeedsRehash(row.Hash) ? PasswordHasher.Hash(password) : null;
        return Succeed(key, now, rehash);
    }

    /// <summary>Counts a failure; the one that makes <see cref="AccessPolicy.MaxFailures"/> within the window locks the user and is returned as the lock's end.</summary>
    private DateTimeOffset? RecordFailure(string key, DateTimeOffset now) => _db.Write<DateTimeOffset?>(
        (c, t) =>
        {
            // Timestamps are compared here, in C#, not in SQL: a text comparison would depend on the database's collation.
            var earlier = AccessDb.Query(c, t, "SELECT failed_at FROM access_login_failures WHERE user_key = @k", r => r.GetString(0), ("@k", key));
            var recent = 0;
            foreach (var at in earlier)
            {
                if (AccessDb.ParseTime(at) > now - AccessPolicy.FailureWindow)
                {
                    recent++;
                }
                else
                {
                    AccessDb.Execute(c, t, "DELETE FROM access_login_failures WHERE user_key = @k AND failed_at = @a", ("@k", key), ("@a", at));
                }
            }

            if (recent + 1 < AccessPolicy.MaxFailures)
            {
                AccessDb.Execute(c, t, "INSERT INTO access_login_failures (user_key, failed_at) VALUES (@k, @a)", ("@k", key), ("@a", AccessDb.Time(now)));
                return null;
            }

            var until = now + AccessPolicy.Lockout;
            AccessDb.Execute(c, t, "DELETE FROM access_login_failures WHERE user_key = @k", ("@k", key));
            AccessDb.Execute(c, t, "UPDATE access_users SET locked_until = @u WHERE user_key = @k", ("@u", AccessDb.Time(until)), ("@k", key));
            return until;
        },
        null);

    private LoginAttempt Succeed(string key, DateTimeOffset now, string? rehash)
    {
        var result = _db.Write(
            (c, t) =>
            {
                // Read again inside the transaction: parallel guesses may have locked the user while this one was hashing.
                var state = AccessDb.Query(c, t, "SELECT disabled, locked_until FROM access_users WHERE user_key = @k", r => (Disabled: AccessDb.Integer(r, 0) != 0, LockedUntil: AccessDb.TimeOrNull(r, 1)), ("@k", key)).SingleOrDefault();
                if (state.LockedUntil is { } locked && locked > now)
                {
                    return new LoginAttempt(LoginResult.LockedOut, null, locked);
                }

                if (state.Disabled)
                {
                    return new LoginAttempt(LoginResult.Disabled, null, null);
                }

                AccessDb.Execute(c, t, "DELETE FROM access_login_failures WHERE user_key = @k", ("@k", key));
                AccessDb.Execute(c, t, "UPDATE access_users SET locked_until = NULL WHERE user_key = @k", ("@k", key));
                if (rehash is not null)
                {
                    AccessDb.Execute(c, t, "UPDATE access_users SET password_hash = @h WHERE user_key = @k", ("@h", rehash), ("@k", key));
                }

                return new LoginAttempt(LoginResult.Ok, null, null);
            },
            new LoginAttempt(LoginResult.Invalid, null, null));
        return result.Result == LoginResult.Ok ? result with { User = ReadUsers(key).Single() } : result;
    }
}
