using System.Threading.Channels;
using RunRate.Storage;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Events;

/// <summary>
/// Watches the store's revision (every <see cref="PollInterval"/>, so imports by another process are
/// seen too) and tells every subscriber the new revision. Subscribers get a one-slot channel that
/// keeps only the latest revision: a slow client skips revisions but never misses the last one.
/// </summary>
internal sealed class LedgerEvents(LedgerStores stores, ILogger<LedgerEvents> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly HashSet<Channel<long>> _subscribers = [];
    private bool _stopped;

    /// <summary>The last revision seen, or -1 before the first poll.</summary>
    public long Revision { get; private set; } = -1;

    /// <summary>A new subscription; dispose it to leave. Completed at once when the service has stopped.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            if (_stopped)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return new Subscription(this, channel);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ILedgerStore? store = null;
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                try
                {
                    store ??= stores.Open();
                    var revision = store.Revision();
                    if (revision != Revision)
                    {
                        Revision = revision;
                        Publish(revision);
                    }
                }
                catch (Exception ex) when (ex is StoreException or Microsoft.Data.Sqlite.SqliteException)
                {
                    log.LogWarning("Cannot read the ledger revision: {Message}", ex.Message);
                    store?.Dispose();
                    store = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            store?.Dispose();
            lock (_gate)
            {
                _stopped = true;
                foreach (var channel in _subscribers)
                {
                    channel.Writer.TryComplete();
                }

                _subscribers.Clear();
            }
        }
    }

    private void Publish(long revision)
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(revision);
            }
        }
    }

    private void Leave(Channel<long> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
    }

    /// <summary>One listener's revisions.</summary>
    internal sealed class Subscription(LedgerEvents owner, Channel<long> channel) : IDisposable
    {
        public ChannelReader<long> Revisions => channel.Reader;

        public void Dispose() => owner.Leave(channel);
    }
}
