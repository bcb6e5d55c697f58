using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Forecast;

public abstract class ScenarioStoreTests : IDisposable
{
    private readonly TestStore _store;

    protected ScenarioStoreTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
    }

    [StoreFact]
    public void Every_rule_round_trips_exactly_and_unset_rules_stay_unset()
    {
        var bear = new Scenario("Bear case", new ScenarioRules
        {
            ChurnPoints = 1.25m,
            NewPercent = -20.0m,
            ExpansionPercent = 0.000001m,
            PricePercent = 7.50m,
            PriceFrom = new YearMonth(2027, 1),
            PipelinePercent = -100m,
        });
        var partial = new Scenario("price only", new ScenarioRules { PricePercent = 5m });
        using var store = _store.Open();

        store.Scenarios.Save(bear).ShouldBe(WriteOutcome.Done);
        store.Scenarios.Save(partial).ShouldBe(WriteOutcome.Done);

        using var reopened = _store.Open();
        var found = reopened.Scenarios.Find("Bear case").ShouldNotBeNull();
        found.ShouldBe(bear);
        found.Rules.NewPercent!.Value.Scale.ShouldBe((byte)1);
        found.Rules.PricePercent!.Value.Scale.ShouldBe((byte)2);
        reopened.Scenarios.Find("price only").ShouldBe(partial);
        reopened.Scenarios.Find("price only")!.Rules.ChurnPoints.ShouldBeNull();
        new Scenario("base", ScenarioRules.None).Rules.IsEmpty.ShouldBeTrue();
    }

    [StoreFact]
    public void Names_are_unique_ignoring_case_in_any_script_and_saving_replaces()
    {
        using var store = _store.Open();
        store.Scenarios.Save(new Scenario("Überfall", new ScenarioRules { ChurnPoints = 1m })).ShouldBe(WriteOutcome.Done);

        store.Scenarios.Save(new Scenario("ÜBERFALL", new ScenarioRules { ChurnPoints = 2m })).ShouldBe(WriteOutcome.Done);

        var only = store.Scenarios.List().ShouldHaveSingleItem();
        only.Name.ShouldBe("ÜBERFALL");
        only.Rules.ChurnPoints.ShouldBe(2m);
        store.Scenarios.Find("überfall").ShouldBe(only);
    }

    [StoreFact]
    public void List_is_ordered_by_name_ignoring_case()
    {
        using var store = _store.Open();
        foreach (var name in new[] { "upside", "Bear", "base" })
        {
            store.Scenarios.Save(new Scenario(name, ScenarioRules.None));
        }

        store.Scenarios.List().Select(s => s.Name).ShouldBe(["base", "Bear", "upside"]);
    }

    [StoreFact]
    public void Delete_ignores_case_and_says_whether_anything_was_deleted()
    {
        using var store = _store.Open();
        store.Scenarios.Save(new Scenario("Bear", ScenarioRules.None));

        store.Scenarios.Delete("bear").ShouldBeTrue();
        store.Scenarios.Delete("bear").ShouldBeFalse();
        store.Scenarios.List().ShouldBeEmpty();
        store.Scenarios.Find("Bear").ShouldBeNull();
    }

    [StoreFact]
    public void Writes_bump_the_revision_and_refused_writes_do_not()
    {
        using var store = _store.Open();
        var start = store.Revision();

        store.Scenarios.Save(new Scenario("  ", ScenarioRules.None)).ShouldBe(WriteOutcome.Invalid);
        store.Scenarios.Delete("missing").ShouldBeFalse();
        store.Revision().ShouldBe(start);

        store.Scenarios.Save(new Scenario("a", ScenarioRules.None));
        store.Revision().ShouldBe(start + 1);
        store.Scenarios.Delete("A");
        store.Revision().ShouldBe(start + 2);
    }

    [StoreFact]
    public void A_replacing_ledger_import_keeps_the_scenarios()
    {
        using (var store = _store.Open())
        {
            store.Scenarios.Save(new Scenario("Bear", new ScenarioRules { NewPercent = -10m }));
        }

        _store.Import("customer_id\nC1\n", "line_id,customer_id,kind,start_date,amount,currency,interval_months\n", replace: true).Succeeded.ShouldBeTrue();

        using var reopened = _store.Open();
        reopened.Scenarios.Find("bear").ShouldNotBeNull();
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ScenarioStoreTestsOnSqlite() : ScenarioStoreTests(new SqliteEngine());

public sealed class ScenarioStoreTestsOnPostgres(PostgresEngine engine) : ScenarioStoreTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
