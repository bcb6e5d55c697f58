using System.Collections.Concurrent;
using System.Threading.Channels;
using RunRate.Storage;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Events;

/// <summary>
/// Watches each open workspace's revision (every <see cref="PollInterval"/>, so imports by another process are
/// seen too) and tells that workspace's subscribers the new revision; a subscriber never hears of another
/// workspace. Subscribers get a one-slot channel that keeps only the latest revision: a slow client skips
/// revisions but never misses the last one.
/// </summary>
internal sealed class LedgerEvents(WorkspaceStores stores, ILogger<LedgerEvents> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<Channel<long>>> _subscribers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _revisions = new(StringComparer.Ordinal);
    private bool _stopped;

    /// <summary>The last revision seen in <paramref name="workspace"/>, or -1 before its first poll.</summary>
    public long Revision(string workspace) => _revisions.TryGetValue(workspace, out var revision) ? revision : -1;

    /// <summary>A new subscription to one workspace; dispose it to leave. Completed at once when the service has stopped.</summary>
    public Subscription Subscribe(string workspace)
    {
        stores.Get(workspace); // polled from now on
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            if (_stopped)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                if (!_subscribers.TryGetValue(workspace, out var set))
                {
                    _subscribers[workspace] = set = [];
                }

                set.Add(channel);
            }
        }

        return new Subscription(this, workspace, channel);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var open = new Dictionary<string, ILedgerStore>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                foreach (var workspace in stores.Opened)
                {
                    Poll(workspace, open);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var store in open.Values)
            {
                store.Dispose();
            }

            lock (_gate)
            {
                _stopped = true;
                foreach (var channel in _subscribers.Values.SelectMany(set => set))
                {
                    channel.Writer.TryComplete();
                }

                _subscribers.Clear();
            }
        }
    }

    private void Poll(string workspace, Dictionary<string, ILedgerStore> open)
    {
        try
        {
            if (!open.TryGetValue(workspace, out var store))
            {
                open[workspace] = store = stores.Get(workspace).Open();
            }

            var revision = store.Revision();
            if (revision != Revision(workspace))
            {
                _revisions[workspace] = revision;
                Publish(workspace, revision);
            }
        }
        catch (Exception ex) when (ex is StoreException or Microsoft.Data.Sqlite.SqliteException)
        {
            log.LogWarning("Cannot read the ledger revision of workspace {Workspace}: {Message}", workspace, ex.Message);
            if (open.Remove(workspace, out var broken))
            {
                broken.Dispose();
            }
        }
    }

    private void Publish(string workspace, long revision)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(workspace, out var set))
            {
                foreach (var channel in set)
                {
                    channel.Writer.TryWrite(revision);
                }
            }
        }
    }

    private void Leave(string workspace, Channel<long> channel)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(workspace, out var set))
            {
                set.Remove(channel);
            }
        }
    }

    /// <summary>One listener's revisions.</summary>
    internal sealed class Subscription(LedgerEvents owner, string workspace, Channel<long> channel) : IDisposable
    {
        public ChannelReader<long> Revisions => channel.Reader;

        public void Dispose() => owner.Leave(workspace, channel);
    }
}
