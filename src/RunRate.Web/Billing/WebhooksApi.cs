using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Capture.Billing;
using RunRate.Storage.Access;
using RunRate.Storage.Workspaces;
using RunRate.Web.Customers;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Billing;

/// <summary>The Stripe signing secret the server checks deliveries to the default workspace with; null when none is configured.</summary>
internal sealed record StripeWebhookSecret(string? Value);

/// <summary>
/// The signing secret of each workspace: the default workspace's is <see cref="StripeWebhookSecret"/>; workspace
/// <c>acme</c>'s is the setting <c>RunRate:StripeWebhookSecrets:acme</c>. Each workspace has its own Stripe account
/// and endpoint, so an event signed for one can never be applied to another.
/// </summary>
internal sealed class StripeWebhookSecrets(StripeWebhookSecret main, IConfiguration configuration)
{
    public const string Prefix = "RunRate:StripeWebhookSecrets:";

    public string? For(string workspace) =>
        string.Equals(workspace, Workspace.Default, StringComparison.Ordinal)
            ? main.Value
            : configuration[Prefix + workspace] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// <c>/api/webhooks</c>: Stripe billing events in (signature checked, each event applied once) and
/// the list of processed events out. The mapping to ledger lines lives in RunRate.Capture.Billing.
/// </summary>
internal static class WebhooksApi
{
    /// <summary>The configuration key of the signing secret (after <see cref="WebOptions.StripeWebhookSecret"/>).</summary>
    public const string SecretSetting = "RunRate:StripeWebhookSecret";

    /// <summary>The environment variable read when neither the options nor the configuration set a secret.</summary>
    public const string SecretVariable = "RUNRATE_STRIPE_WEBHOOK_SECRET";

    /// <summary>Who the audit log records for a delivery.</summary>
    public const string Actor = "webhook:stripe";

    public static IServiceCollection AddStripeWebhook(this IServiceCollection services, WebOptions options) =>
        services.AddSingleton(provider => new StripeWebhookSecret(
            NonEmpty(options.StripeWebhookSecret)
            ?? NonEmpty(provider.GetRequiredService<IConfiguration>()[SecretSetting])
            ?? NonEmpty(Environment.GetEnvironmentVariable(SecretVariable))))
            .AddSingleton<StripeWebhookSecrets>();

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/webhooks").WithTags("Billing webhook");
        hooks.MapPost("/stripe", Receive)
            .WithName("ReceiveStripeEvent")
            .WithSummary("Receive a Stripe event (Stripe-Signature checked; each event id applied once)")
            .WithDescription("Subscription events become ledger lines (one per subscription item, new versions on price or quantity changes, end dates on cancellation); invoice.paid and invoice.payment_failed become payments. See docs/crm.md.")
            .Accepts<StripeEventBody>("application/json")
            .Produces<WebhookAnswer>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem(StatusCodes.Status503ServiceUnavailable);
        hooks.MapPost("/stripe/{workspace}", ReceiveFor)
            .WithName("ReceiveStripeEventForWorkspace")
            .WithSummary("Receive a Stripe event for one workspace (its own signing secret, RunRate:StripeWebhookSecrets:{workspace})")
            .WithDescription("As /api/webhooks/stripe, applied to the named workspace only. A workspace that does not exist or has no signing secret answers 404.")
            .Accepts<StripeEventBody>("application/json")
            .Produces<WebhookAnswer>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        hooks.MapGet("/events", Events)
            .WithName("ListWebhookEvents")
            .WithSummary("Processed billing events, newest first")
            .Produces<WebhookEventsResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static Task<Ok<WebhookAnswer>> Receive(HttpRequest request, WorkspaceStores stores, StripeWebhookSecret secret, TimeProvider clock, CancellationToken cancellationToken) =>
        Apply(request, stores.Get(Workspace.Default).As(Actor), secret.Value, clock, cancellationToken);

    private static Task<Ok<WebhookAnswer>> ReceiveFor(string workspace, HttpRequest request, WorkspaceStores stores, IAccessStore access, StripeWebhookSecrets secrets, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Unknown workspace and known workspace without a secret answer alike, so the endpoint does not reveal which exist.
        var known = Workspace.IsValid(workspace)
            && (string.Equals(workspace, Workspace.Default, StringComparison.Ordinal) || access.Workspaces().Any(w => string.Equals(w.Key, workspace, StringComparison.Ordinal)));
        if (!known || secrets.For(workspace) is not { } key)
        {
            throw ApiException.NotFound("workspace", $"no webhook for workspace '{workspace}'");
        }

        return Apply(request, stores.Get(workspace).As(Actor), key, clock, cancellationToken);
    }

    private static async Task<Ok<WebhookAnswer>> Apply(HttpRequest request, LedgerStores stores, string? secret, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Checked before reading anything: without a secret no delivery can be trusted, and 503 makes Stripe retry later.
        if (secret is not { } key)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The Stripe webhook is not configured.", ApiException.Single(
                "secret",
                $"no signing secret: set {SecretSetting}, the {SecretVariable} environment variable or runrate serve --stripe-webhook-secret"));
        }

        var body = await ReadBody(request, cancellationToken);
        var header = request.Headers.TryGetValue(StripeSignature.HeaderName, out var values) ? values.ToString() : null;
        var check = StripeSignature.Verify(header, body.Span, key, clock);
        if (!check.IsValid)
        {
            var which = check.Status.ToString().ToLowerInvariant();
            throw new ApiException(
                StatusCodes.Status400BadRequest,
                $"The Stripe signature is {which}; nothing was processed.",
                ApiException.Single(StripeSignature.HeaderName, check.Detail),
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["signature"] = which });
        }

        using var store = stores.Open(LedgerStores.StripeActor);
        try
        {
            var result = StripeWebhook.Process(body, store.Crm, clock.GetUtcNow());
            return TypedResults.Ok(new WebhookAnswer(result.EventId, result.Applied, result.Summary));
        }
        catch (StripeEventFormatException ex)
        {
            throw ApiException.BadRequest(ex.Path, ex.Message);
        }
        catch (BillingEventRejectedException ex)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "The event cannot be represented in the ledger; nothing was written.", CustomersApi.Errors(ex.Problems));
        }
    }

    private static Ok<WebhookEventsResponse> Events([Description("At most this many events (1 to 1000, default 50).")] string? limit, LedgerStores stores)
    {
        var take = 50;
        if (!string.IsNullOrEmpty(limit))
        {
            take = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000
                ? n
                : throw ApiException.BadRequest("limit", $"expected a whole number from 1 to 1000, found '{limit}'");
        }

        using var store = stores.Open();
        return TypedResults.Ok(new WebhookEventsResponse([.. store.Crm.BillingEvents(take).Select(WebhookEventDto.From)]));
    }

    /// <summary>The raw body, which the signature covers byte for byte; at most <see cref="BodySizeLimits.JsonBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBody(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > BodySizeLimits.JsonBytes)
            {
                throw BodySizeLimits.TooLarge(BodySizeLimits.JsonBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
