namespace RunRate.Web.Infrastructure.Shutdown;

/// <summary>
/// Graceful stop for requests in progress. Kestrel's own stop cancels a request body that is still arriving (a slow
/// upload, a line write from a slow client fails with a canceled read), so the server drains first: when the host
/// stops, this service (in <see cref="StoppingAsync"/>, which the host runs before any service's StopAsync, Kestrel's
/// included) answers every new request 503 with
/// <c>Connection: close</c> and waits until the requests already running (reads and writes, bodies included) have
/// finished, at most until the shutdown timeout; then Kestrel stops. The live-update streams (<c>/api/events</c>)
/// end on their own when the application stops and are not waited for.
/// </summary>
internal sealed class RequestDrain : IHostedLifecycleService
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = Completed();
    private int _running;
    private bool _draining;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            _draining = true;
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout: Kestrel aborts what is left.
        }
    }

    /// <summary>Counts the request while it runs; false (and nothing counted) once the server is draining.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_draining)
            {
                return false;
            }

            if (_running++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (--_running == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}

/// <summary>Wires <see cref="RequestDrain"/>: the service, and the middleware that counts requests and refuses new ones while draining.</summary>
internal static class RequestDrainSetup
{
    public static IServiceCollection AddRequestDrain(this IServiceCollection services)
    {
        services.AddSingleton<RequestDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<RequestDrain>());
        return services;
    }

    public static IApplicationBuilder UseRequestDrain(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<RequestDrain>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/events", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            if (!drain.TryEnter())
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.Connection = "close";
                context.Response.Headers.RetryAfter = "5";
                await context.Response.WriteAsJsonAsync(new { title = "The server is stopping.", status = 503 }, context.RequestAborted);
                return;
            }

            try
            {
                await next(context);
            }
            finally
            {
                drain.Exit();
            }
        });
    }
}
