using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Audit;

/// <summary>A fresh store of one engine, opened through the auditing wrapper as an actor, on a clock that moves a second per reading.</summary>
internal sealed class AuditedStore(IStoreEngine engine) : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TestStore Inner { get; } = engine.NewStore();

    public SteppingClock Clock { get; } = new(Start);

    /// <summary>The store as <paramref name="actor"/> writes through it; with null, the bare store (nothing recorded).</summary>
    public ILedgerStore Open(string? actor = "ada")
    {
        var store = Inner.Open();
        return actor is null ? store : new AuditedLedgerStore(store, actor, Clock);
    }

    public void Dispose() => Inner.Dispose();
}

/// <summary>A clock that advances one second every time it is read, so entries get distinct, known times.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now = _now.AddSeconds(1);
        return now;
    }
}
