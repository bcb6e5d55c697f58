using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using RunRate.Web.Infrastructure.Access;

namespace RunRate.Web.Events;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events. On connect and whenever the ledger's revision changes,
/// <c>event: ledger</c> (of the caller's workspace only) with <c>data: {"revision":N}</c>; a comment every 15 s keeps proxies from
/// closing an idle stream. The stream ends when the client leaves or the server stops.
/// </summary>
internal static class EventsApi
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/events", Stream)
            .WithName("LedgerEvents")
            .WithTags("Ledger")
            .WithSummary("Server-Sent Events: the ledger changed")
            .WithDescription("`event: ledger` + `data: {\"revision\":N}` on connect and after every change of the store (API writes, uploads, `runrate import` from another process), within about a second; `: heartbeat` comments every 15 s.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return api;
    }

    private static async Task Stream(HttpContext context, LedgerEvents events, RequestActor actor, IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = events.Subscribe(actor.Workspace);
        try
        {
            await Write(response, "retry: 2000\n\n", token);
            var last = events.Revision(actor.Workspace);
            if (last >= 0)
            {
                await Write(response, Event(last), token);
            }

            while (!token.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(token);
                beat.CancelAfter(Heartbeat);
                bool more;
                try
                {
                    more = await subscription.Revisions.WaitToReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    await Write(response, ": heartbeat\n\n", token);
                    continue;
                }

                if (!more)
                {
                    break; // the service stopped
                }

                var revision = last;
                while (subscription.Revisions.TryRead(out var next))
                {
                    revision = next;
                }

                if (revision != last)
                {
                    last = revision;
                    await Write(response, Event(revision), token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // the client left or the server is stopping: end the stream quietly
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the connection broke while writing
        }
    }

    private static string Event(long revision) =>
        string.Create(CultureInfo.InvariantCulture, $"event: ledger\ndata: {{\"revision\":{revision}}}\n\n");

    private static async Task Write(HttpResponse response, string text, CancellationToken token)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), token);
        await response.Body.FlushAsync(token);
    }
}
