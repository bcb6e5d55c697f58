using System.Collections.Frozen;
using RunRate.Storage.Access;

namespace RunRate.Web.Infrastructure.Access;

/// <summary>Who may call an endpoint: nobody in particular, any signed-in caller, or a minimum role.</summary>
internal enum Need
{
    /// <summary>No sign-in (the login itself; Stripe deliveries, which carry their own signature).</summary>
    Anonymous,

    /// <summary>Any signed-in user or token, whatever its role (who am I, sign out, switch workspace).</summary>
    SignedIn,

    /// <summary>At least <see cref="Role.Viewer"/>: reads.</summary>
    Viewer,

    /// <summary>At least <see cref="Role.Sales"/>: CRM writes.</summary>
    Sales,

    /// <summary>At least <see cref="Role.Finance"/>: revenue writes and the audit log.</summary>
    Finance,

    /// <summary><see cref="Role.Admin"/> only: users and tokens.</summary>
    Admin,
}

/// <summary>
/// THE access matrix: every API endpoint (method and route pattern) and the least it needs. One place, so
/// docs/security.md's table and the matrix test read the same list. An /api endpoint missing here is refused
/// to everyone (403) and fails the matrix test, so a new endpoint cannot be open by accident.
/// Roles are ordered admin &gt; finance &gt; sales &gt; viewer: a role may do what every lower one may.
/// </summary>
internal static class EndpointAccess
{
    /// <summary>The matrix, keyed "METHOD /route/pattern" (no trailing slash).</summary>
    public static readonly FrozenDictionary<string, Need> Matrix = new Dictionary<string, Need>(StringComparer.Ordinal)
    {
        // Sign-in and the caller's own session.
        ["POST /api/auth/login"] = Need.Anonymous,
        ["POST /api/auth/logout"] = Need.SignedIn,
        ["GET /api/auth/me"] = Need.SignedIn,
        ["POST /api/auth/workspace"] = Need.SignedIn,

        // Reports and reads: every role.
        ["GET /api/mrr"] = Need.Viewer,
        ["GET /api/summary"] = Need.Viewer,
        ["GET /api/arr-bridge"] = Need.Viewer,
        ["GET /api/cohorts"] = Need.Viewer,
        ["GET /api/report"] = Need.Viewer,
        ["GET /api/meta"] = Need.Viewer,
        ["GET /api/events"] = Need.Viewer,
        ["GET /api/sales"] = Need.Viewer,
        ["GET /api/renewals"] = Need.Viewer,
        ["GET /api/signals"] = Need.Viewer,
        ["GET /api/forecast"] = Need.Viewer,
        ["GET /api/economics"] = Need.Viewer,
        ["GET /api/valuation"] = Need.Viewer,
        ["GET /api/customers"] = Need.Viewer,
        ["GET /api/customers/{id}"] = Need.Viewer,
        ["GET /api/lines/{id}"] = Need.Viewer,
        ["GET /api/export/customers.csv"] = Need.Viewer,
        ["GET /api/export/lines.csv"] = Need.Viewer,
        ["GET /api/export/fx.csv"] = Need.Viewer,
        ["GET /api/export/costs.csv"] = Need.Viewer,

        // The whole workspace in one file (ledger, CRM, payments, webhook events): as sensitive as a restore, which is a finance write.
        ["GET /api/export/backup.zip"] = Need.Finance,
        ["GET /api/webhooks/events"] = Need.Viewer,
        ["GET /api/accounts/{id}"] = Need.Viewer,
        ["GET /api/contacts"] = Need.Viewer,
        ["GET /api/contacts/{id}"] = Need.Viewer,
        ["GET /api/pipeline"] = Need.Viewer,
        ["GET /api/deals"] = Need.Viewer,
        ["GET /api/deals/{id}"] = Need.Viewer,
        ["GET /api/deals/{id}/proposed-lines"] = Need.Viewer,
        ["GET /api/activities"] = Need.Viewer,
        ["GET /api/targets"] = Need.Viewer,
        ["GET /api/scenarios"] = Need.Viewer,
        ["GET /api/scenarios/{name}"] = Need.Viewer,

        // CRM writes: sales and up.
        ["POST /api/contacts"] = Need.Sales,
        ["PUT /api/contacts/{id}"] = Need.Sales,
        ["DELETE /api/contacts/{id}"] = Need.Sales,
        ["POST /api/deals"] = Need.Sales,
        ["PUT /api/deals/{id}"] = Need.Sales,
        ["POST /api/deals/{id}/stage"] = Need.Sales,
        ["DELETE /api/deals/{id}"] = Need.Sales,
        ["POST /api/activities"] = Need.Sales,
        ["PUT /api/activities/{id}"] = Need.Sales,
        ["DELETE /api/activities/{id}"] = Need.Sales,
        ["PUT /api/targets"] = Need.Sales,
        ["DELETE /api/targets"] = Need.Sales,
        ["PUT /api/accounts/{id}/domains"] = Need.Sales,
        ["POST /api/capture/mail"] = Need.Sales,
        ["POST /api/capture/calendar"] = Need.Sales,

        // Revenue writes (the ledger, its lines and costs, forecast scenarios, the pipeline's stage weights
        // that the forecast uses, a won deal's lines): finance and up.
        ["POST /api/customers"] = Need.Finance,
        ["PUT /api/customers/{id}"] = Need.Finance,
        ["DELETE /api/customers/{id}"] = Need.Finance,
        ["POST /api/lines"] = Need.Finance,
        ["PUT /api/lines/{id}"] = Need.Finance,
        ["POST /api/lines/{id}/end"] = Need.Finance,
        ["DELETE /api/lines/{id}"] = Need.Finance,
        ["POST /api/ledger"] = Need.Finance,
        ["PUT /api/scenarios/{name}"] = Need.Finance,
        ["DELETE /api/scenarios/{name}"] = Need.Finance,
        ["PUT /api/pipeline/stages"] = Need.Finance,
        ["POST /api/deals/{id}/lines"] = Need.Finance,

        // The audit log (who changed what): finance and up.
        ["GET /api/audit"] = Need.Finance,
        ["GET /api/audit.csv"] = Need.Finance,

        // Users and tokens of the workspace: admin.
        ["GET /api/users"] = Need.Admin,
        ["GET /api/tokens"] = Need.Admin,
        ["POST /api/tokens"] = Need.Admin,
        ["DELETE /api/tokens/{id}"] = Need.Admin,

        // Stripe deliveries authenticate by their signature, per workspace.
        ["POST /api/webhooks/stripe"] = Need.Anonymous,
        ["POST /api/webhooks/stripe/{workspace}"] = Need.Anonymous,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The matrix key of an endpoint: "GET /api/deals/{id}" (trailing slash dropped, HEAD read as GET).</summary>
    public static string Key(string method, string pattern)
    {
        var path = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        var verb = string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase) ? "GET" : method.ToUpperInvariant();
        return verb + " " + path;
    }

    /// <summary>What the endpoint needs, or null when the matrix has no entry.</summary>
    public static Need? Find(string method, string pattern) =>
        Matrix.TryGetValue(Key(method, pattern), out var need) ? need : null;

    /// <summary>True when <paramref name="role"/> satisfies <paramref name="need"/>.</summary>
    public static bool Allows(Need need, Role role) => need switch
    {
        Need.Anonymous or Need.SignedIn or Need.Viewer => true,
        Need.Sales => role >= Role.Sales,
        Need.Finance => role >= Role.Finance,
        _ => role >= Role.Admin,
    };
}
