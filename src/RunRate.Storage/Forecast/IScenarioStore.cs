using RunRate.Engine.Forecast;

namespace RunRate.Storage.Forecast;

/// <summary>
/// Saved forecast scenarios: named sets of <see cref="ScenarioRules"/>, so a board's "bear case" can be
/// run again next month exactly as agreed. Names are unique ignoring case. Every write commits in its
/// own transaction and moves the store's revision, like a ledger write, so open dashboards refresh.
/// </summary>
public interface IScenarioStore
{
    /// <summary>Every saved scenario, ordered by name (ignoring case).</summary>
    IReadOnlyList<Scenario> List();

    /// <summary>The scenario of that name (any letter case), or null.</summary>
    Scenario? Find(string name);

    /// <summary>
    /// Inserts the scenario, or replaces the one of the same name ignoring case (its spelling becomes the
    /// new one). <see cref="WriteOutcome.Invalid"/> (nothing written) for a blank name.
    /// </summary>
    WriteOutcome Save(Scenario scenario);

    /// <summary>Deletes the scenario of that name (any letter case); false when there was none.</summary>
    bool Delete(string name);
}
