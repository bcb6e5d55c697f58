using RunRate.Storage.Tests.Sqlite;

namespace RunRate.Storage.Tests.Audit;

/// <summary>A temporary store opened through <see cref="StoreFactory"/> as an actor, on a clock that moves a second per reading.</summary>
internal sealed class AuditedStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TempStore Temp { get; } = new();

    public SteppingClock Clock { get; } = new(Start);

    public ILedgerStore Open(string? actor = "ada") => StoreFactory.Open(Temp.Path, create: true, clock: Clock, actor: actor);

    public void Dispose() => Temp.Dispose();
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
