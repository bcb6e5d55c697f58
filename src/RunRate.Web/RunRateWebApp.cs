using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RunRate.Storage;
using RunRate.Web.Access;
using RunRate.Web.Audit;
using RunRate.Web.Billing;
using RunRate.Web.Capture;
using RunRate.Web.Crm;
using RunRate.Web.Customers;
using RunRate.Web.Economics;
using RunRate.Web.Events;
using RunRate.Web.Export;
using RunRate.Web.Forecast;
using RunRate.Web.Health;
using RunRate.Web.Infrastructure;
using RunRate.Web.Infrastructure.Access;
using RunRate.Web.Infrastructure.Logging;
using RunRate.Web.Infrastructure.Shutdown;
using RunRate.Web.Ledger;
using RunRate.Web.Lines;
using RunRate.Web.Meta;
using RunRate.Web.Reports;
using RunRate.Web.Sales;

namespace RunRate.Web;

/// <summary>
/// The RunRate web server: the REST API of docs/api.md over one store, its OpenAPI document, a
/// browsable reference and the dashboard's static files. <c>Program</c> and the CLI's
/// <c>runrate serve</c> both start it through <see cref="Build"/>.
/// </summary>
public static class RunRateWebApp
{
    /// <summary>How long a graceful stop waits for requests in progress unless <see cref="WebOptions.ShutdownTimeout"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Builds the configured application; call <c>Run()</c> (or <c>RunAsync()</c>) on the result.
    /// <paramref name="args"/> are ASP.NET Core's usual command-line settings (<c>--urls</c>, <c>--RunRate:Store</c>, …);
    /// values in <paramref name="options"/> take precedence over them.
    /// </summary>
    public static WebApplication Build(string[] args, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = options.WebRoot ?? DefaultWebRoot(),
        });
        if (options.Urls is { Count: > 0 } urls)
        {
            builder.WebHost.UseUrls([.. urls]);
        }

        // One line per request is noise for a local server; "Now listening on" and failures still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        LoggingSetup.Configure(builder.Logging, options.LogFormat ?? builder.Configuration[LoggingSetup.Setting]);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout ?? DefaultShutdownTimeout);

        // Uploads may be up to 100 MB; BodySizeLimits lowers the cap to 1 MB for everything else.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BodySizeLimits.UploadBytes);

        var services = builder.Services;
        services.AddSingleton(options.Clock ?? TimeProvider.System);
        services.AddSingleton(provider => new WorkspaceStores(StorePath(options, provider.GetRequiredService<IConfiguration>())));
        services.AddAccess(options, provider => provider.GetRequiredService<WorkspaceStores>().Location);
        services.AddSingleton<LedgerEvents>();
        services.AddStripeWebhook(options);
        services.AddHostedService(provider => provider.GetRequiredService<LedgerEvents>());
        services.AddRequestDrain();
        services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "RunRate API";
            document.Info.Description = "Exact MRR, ARR, churn, retention and valuation from a subscription ledger. Reports answer with the same JSON as the CLI's --json.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseMiddleware<RequestLog>();
        app.UseRequestDrain();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimits();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAccess();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api-docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "RunRate API");
            ui.DocumentTitle = "RunRate API";
        });

        app.MapOpenApi();
        app.MapHealth();
        var api = app.MapGroup("/api");
        api.MapMrr()
            .MapSummary()
            .MapArrBridge()
            .MapCohorts()
            .MapBoardReport()
            .MapCustomers()
            .MapLines()
            .MapLedger()
            .MapExport()
            .MapMeta()
            .MapEvents()
            .MapSales()
            .MapWebhooks()
            .MapCapture();
        api.MapAccounts()
            .MapContacts()
            .MapPipeline()
            .MapDeals()
            .MapActivities()
            .MapTargets();
        api.MapForecast()
            .MapScenarios()
            .MapEconomics();
        api.MapAuth()
            .MapTokens();
        api.MapAudit();

        // The dashboard is a single-page app: any other path that is not a file gets index.html.
        // /api paths are left out, so an unknown endpoint is a 404 problem (and a wrong content type a 415).
        app.MapFallbackToFile("{*path:regex(^(?!api(/|$)).*$):nonfile}", "index.html");
        return app;
    }

    /// <summary>
    /// The JSON conventions of the API: snake_case names, unknown properties refused (a misspelt field is not
    /// silently ignored), numbers only as JSON numbers (ASP.NET's default would also read "100" for money).
    /// </summary>
    public static void Configure(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new Infrastructure.NulFreeStringConverter());
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private static string StorePath(WebOptions options, IConfiguration configuration) =>
        options.StorePath ?? StoreLocation.Resolve(configuration[WebOptions.StoreSetting], Environment.GetEnvironmentVariable);

    private static string? DefaultWebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(beside) ? beside : null;
    }
}
