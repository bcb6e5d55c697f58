using System.Collections.Concurrent;

namespace RunRate.Web.Infrastructure.Access;

/// <summary>
/// Sessions ended by sign-out. A cookie is self-contained (signed and encrypted with the data-protection keys), so
/// deleting it in the browser is not enough: a copied cookie would still work until it expires. Its session id is
/// kept here until then and refused. Kept in memory: a restart forgets them (documented in docs/security.md), while
/// the 8-hour expiry still bounds them.
/// </summary>
internal sealed class SessionRevocations(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public void Revoke(string? session)
    {
        if (string.IsNullOrEmpty(session))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (id, until) in _ended)
        {
            if (until < now)
            {
                _ended.TryRemove(id, out _);
            }
        }

        _ended[session] = now + AccessSetup.SessionLifetime;
    }

    public bool IsRevoked(string? session) => session is not null && _ended.ContainsKey(session);
}
