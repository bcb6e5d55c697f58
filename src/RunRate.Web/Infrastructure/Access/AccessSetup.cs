using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using RunRate.Storage;
using RunRate.Storage.Access;

namespace RunRate.Web.Infrastructure.Access;

/// <summary>Whether the server is open (demo: no login) or requires sign-in.</summary>
/// <param name="Open">True: every request acts as <c>demo</c>, admin of the default workspace.</param>
internal sealed record AccessMode(bool Open);

/// <summary>
/// Wires authentication (session cookie, API tokens, or open demo mode), the access store and the per-request
/// <see cref="RequestActor"/> and <see cref="LedgerStores"/>. See docs/security.md.
/// </summary>
internal static class AccessSetup
{
    /// <summary>The setting that opens the server (demo mode): <c>RunRate:Open=true</c>.</summary>
    public const string OpenSetting = "RunRate:Open";

    /// <summary>A session lasts this long after its last request (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddAccess(this IServiceCollection services, WebOptions options, Func<IServiceProvider, string> location)
    {
        services.AddSingleton(provider => new AccessMode(options.Open ?? IsTrue(provider.GetRequiredService<IConfiguration>()[OpenSetting])));
        services.AddSingleton(provider => AccessStores.Open(location(provider), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SessionRevocations>();
        services.AddScoped<RequestActor>();
        services.AddScoped(provider =>
        {
            var actor = provider.GetRequiredService<RequestActor>();
            return provider.GetRequiredService<WorkspaceStores>().Get(actor.Workspace).As(actor.Name);
        });

        services.AddAuthentication(AccessSchemes.Default)
            .AddPolicyScheme(AccessSchemes.Default, "RunRate", policy => policy.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<AccessMode>().Open ? AccessSchemes.Demo
                : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AccessSchemes.Token
                : AccessSchemes.Cookie)
            .AddCookie(AccessSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = AccessSchemes.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(AccessSchemes.Token, null)
            .AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(AccessSchemes.Demo, null);

        // The cookie's times come from the server's clock (the tests' fake one too), so issue and expiry agree.
        services.AddOptions<CookieAuthenticationOptions>(AccessSchemes.Cookie).Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);

        // Keys that sign and encrypt the session cookie live beside the store, so a restart keeps everyone signed in.
        services.AddDataProtection().SetApplicationName("RunRate");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(location(provider))), provider.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    /// <summary>Authentication, then the access matrix; after routing, before the endpoints.</summary>
    public static IApplicationBuilder UseAccess(this IApplicationBuilder app) =>
        app.UseAuthentication().UseMiddleware<AccessMiddleware>();

    /// <summary>
    /// Where the data-protection keys are kept: <c>runrate.db</c> → the folder <c>runrate.db.keys</c> beside it; a
    /// PostgreSQL store → <c>runrate-keys</c> in the working folder (the server's own folder, not the database).
    /// </summary>
    public static string KeysFolder(string location) =>
        StoreFactory.IsPostgres(location) ? Path.GetFullPath("runrate-keys") : Path.GetFullPath(location) + ".keys";

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static bool IsTrue(string? value) =>
        bool.TryParse(value, out var open) ? open : string.Equals(value, "1", StringComparison.Ordinal);
}
