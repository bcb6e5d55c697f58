namespace RunRate.Web;

/// <summary>How <see cref="RunRateWebApp.Build"/> sets up the server. Every value is optional.</summary>
public sealed record WebOptions
{
    /// <summary>The configuration key that names the store when <see cref="StorePath"/> is null.</summary>
    public const string StoreSetting = "RunRate:Store";

    /// <summary>
    /// The SQLite store to serve (created when missing). Null: the <c>RunRate:Store</c> setting, else
    /// the <c>RUNRATE_DB</c> environment variable, else <c>./runrate.db</c>, as for the CLI.
    /// </summary>
    public string? StorePath { get; init; }

    /// <summary>The clock that decides "the current month" for default months. Null: the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The URLs to listen on (<c>http://127.0.0.1:5080</c>). Null or empty: ASP.NET Core's own settings (<c>--urls</c>, <c>ASPNETCORE_URLS</c>).</summary>
    public IReadOnlyList<string>? Urls { get; init; }

    /// <summary>The folder of the dashboard's static files. Null: <c>wwwroot</c> beside the binaries, else under the content root.</summary>
    public string? WebRoot { get; init; }

    /// <summary>
    /// The signing secret (<c>whsec_…</c>) that Stripe webhook deliveries to <c>/api/webhooks/stripe</c> are checked with.
    /// Null: the <c>RunRate:StripeWebhookSecret</c> setting, else the <c>RUNRATE_STRIPE_WEBHOOK_SECRET</c> environment
    /// variable; with none the endpoint answers 503.
    /// </summary>
    public string? StripeWebhookSecret { get; init; }

    /// <summary>
    /// True: open demo mode, no login; every request acts as <c>demo</c>, admin of the default workspace
    /// (<c>runrate serve --demo</c> allows it on loopback only). Null: the <c>RunRate:Open</c> setting, else false
    /// (sign-in required). See docs/security.md.
    /// </summary>
    public bool? Open { get; init; }

    /// <summary>
    /// The console log format: <c>text</c> (default: warnings and failures, requests not logged) or <c>json</c> (one
    /// object per line with timestamp, level, category, message, and for each API request its method, path, status,
    /// duration and trace id). Null: the <c>RunRate:LogFormat</c> setting, else text. See docs/reliability.md#operability-of-runrate-serve.
    /// </summary>
    public string? LogFormat { get; init; }

    /// <summary>
    /// How long a graceful stop (SIGTERM, Ctrl+C) lets requests in progress finish before they are cut off. Null: 30 seconds.
    /// </summary>
    public TimeSpan? ShutdownTimeout { get; init; }
}
