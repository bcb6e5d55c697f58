using RunRate.Engine.Forecast;
using RunRate.Storage.Forecast;

namespace RunRate.Storage.Audit;

/// <summary>The saved scenarios of an <see cref="AuditedLedgerStore"/>: saves and deletes are recorded.</summary>
internal sealed class AuditedScenarioStore(IScenarioStore inner, AuditRecorder audit) : IScenarioStore
{
    public IReadOnlyList<Scenario> List() => inner.List();

    public Scenario? Find(string name) => inner.Find(name);

    public WriteOutcome Save(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var before = string.IsNullOrWhiteSpace(scenario.Name) ? null : AuditJson.Of(inner.Find(scenario.Name));
        return audit.Record(() => inner.Save(scenario), "scenario.save", scenario.Name, before, () => AuditJson.Of(scenario));
    }

    public bool Delete(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = inner.Find(name);
        return audit.Within(() => inner.Delete(name), deleted => deleted, () => audit.Entry("scenario.delete", found?.Name ?? name, AuditJson.Of(found), null, null));
    }
}
