using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RunRate.Cli.Common;
using RunRate.Cli.Demo;
using RunRate.Storage.Access;
using RunRate.Web;

namespace RunRate.Cli.Serve;

/// <summary>
/// <c>runrate serve</c>: the REST API and the dashboard over the same store as the CLI. Sign-in is required;
/// the first run creates the admin user and prints its password once (docs/security.md). With <c>--demo</c>
/// the server is open (no login, loopback only) and an empty store is first filled with the demo ledger so a
/// new user sees a live dashboard from one command.
/// </summary>
internal sealed class ServeCommand(CliContext context)
{
    private readonly Option<string?> _db = Common.Options.Db();
    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Address(es) to listen on, separated by ';'",
        HelpName = "URL",
        DefaultValueFactory = _ => "http://127.0.0.1:5180",
    };

    private readonly Option<bool> _demo = new("--demo") { Description = "Open demo mode: no login (loopback addresses only); loads the demo ledger first when the store is empty" };
    private readonly Option<int> _customers = new("--demo-customers") { Description = "Customers in the demo ledger", HelpName = "N", DefaultValueFactory = _ => 500 };
    private readonly Option<string?> _stripeSecret = new("--stripe-webhook-secret")
    {
        Description = "Signing secret (whsec_...) for Stripe events at /api/webhooks/stripe (default: $RUNRATE_STRIPE_WEBHOOK_SECRET)",
        HelpName = "SECRET",
    };

    private readonly Option<string> _logFormat = new Option<string>("--log-format")
    {
        Description = "Console log format: text (quiet, for a terminal) or json (one object per line, with every API request)",
        HelpName = "FORMAT",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    private readonly Option<int> _shutdownTimeout = new("--shutdown-timeout")
    {
        Description = "Seconds a graceful stop (SIGTERM, Ctrl+C) lets requests in progress finish",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
    };

    public Command Build()
    {
        var command = new Command("serve", "Serve the dashboard and the REST API (OpenAPI at /openapi/v1.json, reference at /api-docs)") { _db, _urls, _demo, _customers, _stripeSecret, _logFormat, _shutdownTimeout };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var db = LedgerAccess.ResolveDb(context, parse.GetValue(_db));
        var urls = parse.GetRequiredValue(_urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException($"--urls: expected an address such as http://127.0.0.1:5180, found '{url}'", ExitCodes.Usage);
            }
        }

        var demo = parse.GetValue(_demo);
        if (demo && urls.Any(u => !IsLoopback(new Uri(u))))
        {
            // The demo has no login: anyone who can reach it can read and change the ledger.
            throw new CliException(
                $"--demo: demo mode has no login, so it only listens on this machine (http://127.0.0.1:PORT or http://localhost:PORT), not {string.Join(", ", urls.Where(u => !IsLoopback(new Uri(u))))}; drop --demo to require sign-in",
                ExitCodes.InvalidData);
        }

        var shutdownTimeout = parse.GetValue(_shutdownTimeout);
        if (shutdownTimeout is < 0 or > 3600)
        {
            throw new CliException($"--shutdown-timeout: expected 0 to 3600 seconds, found {shutdownTimeout}", ExitCodes.Usage);
        }

        ServeStartup.CheckStore(db);
        using (var store = LedgerAccess.Open(context, db, create: true))
        {
            if (demo && store.Load().Lines.Count == 0)
            {
                DemoCommand.LoadIntoStore(context, db, DemoCommand.Options(parse.GetValue(_customers), 42, null));
            }
        }

        // Signing in is required unless in demo mode: the first run creates the admin and prints its password once.
        string? adminPassword = null;
        if (!demo)
        {
            using var access = AccessStores.Open(db, context.Clock);
            AccessBootstrap.EnsureAdmin(access, out adminPassword);
        }

        // The command prints its own start-up line and failures; the host's copies (a stack trace for a
        // taken port) would only bury them.
        string[] quiet = ["--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", "--Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host=None"];
        var app = RunRateWebApp.Build(quiet, new WebOptions
        {
            StorePath = db,
            Urls = urls,
            Clock = context.Clock,
            StripeWebhookSecret = parse.GetValue(_stripeSecret) ?? context.Environment("RUNRATE_STRIPE_WEBHOOK_SECRET"),
            Open = demo,
            LogFormat = parse.GetValue(_logFormat),
            ShutdownTimeout = TimeSpan.FromSeconds(shutdownTimeout),
        });
        var json = string.Equals(parse.GetValue(_logFormat), "json", StringComparison.Ordinal);
        var announce = new ServeAnnouncer(context, json ? app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RunRate.Serve") : null);
        try
        {
            app.Start();
        }
        catch (IOException ex)
        {
            // Stop what did start (the store's change poller) before reporting, so nothing keeps the store open.
            Shutdown(app);
            throw new CliException($"cannot listen on {string.Join(", ", urls)}: {ex.Message} (is another server using the port? choose one with --urls)", ExitCodes.Unavailable);
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            // Plain text, never wrapped: scripts and terminals pick the address out of this line.
            announce.Serving(LedgerAccess.Shown(db), address);
        }

        if (adminPassword is not null && addresses.FirstOrDefault() is { } first)
        {
            announce.AdminCreated(AccessBootstrap.AdminName, adminPassword, first);
        }

        if (demo)
        {
            announce.Note("[yellow]Demo mode — no login:[/] every request acts as the admin of the default workspace; listening on this machine only.");
        }
        else if (urls.Any(u => !IsLoopback(new Uri(u)) && u.StartsWith("http:", StringComparison.OrdinalIgnoreCase)))
        {
            announce.Note("[yellow]warning:[/] listening beyond this machine over plain HTTP: put HTTPS in front (a reverse proxy) so passwords, tokens and session cookies are not sent in the clear.", warning: true);
        }

        announce.Note("[grey]Press Ctrl+C to stop.[/]");

        // SIGTERM or Ctrl+C: Kestrel stops accepting, requests in progress (writes too) finish within the
        // shutdown timeout, then the store is closed and the process exits 0.
        app.WaitForShutdown();
        Shutdown(app, () => announce.Stopped(LedgerAccess.Shown(db)));
        return ExitCodes.Success;
    }

    private static void Shutdown(Microsoft.AspNetCore.Builder.WebApplication app, Action? stopped = null)
    {
        app.StopAsync().GetAwaiter().GetResult();
        stopped?.Invoke();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
