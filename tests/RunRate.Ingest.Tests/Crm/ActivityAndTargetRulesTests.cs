using System.Collections.Immutable;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using Shouldly;

namespace RunRate.Ingest.Tests.Crm;

public sealed class ActivityAndTargetRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Contact Jane = new(new ContactId("ct_jane"), new CustomerId("ACME"), "Jane", "jane@acme.com", null, null);
    private static readonly Contact Bob = new(new ContactId("ct_bob"), new CustomerId("GLOBEX"), "Bob", null, null, null);
    private static readonly Deal GlobexDeal = new(new DealId("dl_g"), new CustomerId("GLOBEX"), "Globex", "lead", 1m, CurrencyCode.Usd, DealKind.NewBusiness, new DateOnly(2026, 2, 1), null, null, null, new DateOnly(2026, 1, 1), ImmutableArray<StageChange>.Empty);

    private static readonly CrmLookups Lookups = new(
        id => id is "ACME" or "GLOBEX",
        id => new[] { Jane, Bob }.FirstOrDefault(c => c.Id.Value == id),
        id => id == "dl_g" ? GlobexDeal : null);

    [Fact]
    public void An_activity_defaults_to_now_and_is_logged_by_hand()
    {
        var problems = new List<FieldProblem>();
        var activity = ActivityRules.Validate(new ActivityFields("ac_1", "Call", null, " Pricing call ", "  ", "ACME", "ct_jane", null), Now, Lookups, problems);

        problems.ShouldBeEmpty();
        activity.ShouldBe(new Activity(new ActivityId("ac_1"), ActivityKind.Call, Now, "Pricing call", null, new CustomerId("ACME"), new ContactId("ct_jane"), null, "manual", null));
    }

    [Theory]
    [InlineData("2026-05-04T09:30:00Z", "2026-05-04T09:30:00.0000000+00:00")]
    [InlineData("2026-05-04T11:30+02:00", "2026-05-04T09:30:00.0000000+00:00")]
    [InlineData("2026-05-04T09:30:00.250Z", "2026-05-04T09:30:00.2500000+00:00")]
    [InlineData("2026-05-04", "2026-05-04T00:00:00.0000000+00:00")]
    public void Times_carry_an_offset_and_are_kept_in_UTC(string at, string expected)
    {
        var activity = ActivityRules.Validate(new ActivityFields("ac_1", "note", at, "s", null, "ACME", null, null), Now, Lookups, [])!;
        activity.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        activity.At.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("fax", null, "ACME", null, null, "kind")]
    [InlineData("call", "2026-05-04T09:30:00", "ACME", null, null, "at")]
    [InlineData("call", "yesterday", "ACME", null, null, "at")]
    [InlineData("call", null, "NOPE", null, null, "account_id")]
    [InlineData("call", null, "ACME", "ct_bob", null, "contact_id")]
    [InlineData("call", null, "ACME", "ct_nope", null, "contact_id")]
    [InlineData("call", null, "ACME", null, "dl_g", "deal_id")]
    [InlineData("call", null, "ACME", null, "dl_nope", "deal_id")]
    public void A_broken_activity_names_the_field(string kind, string? at, string account, string? contact, string? deal, string field)
    {
        var problems = new List<FieldProblem>();
        ActivityRules.Validate(new ActivityFields("ac_1", kind, at, "Subject", null, account, contact, deal), Now, Lookups, problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Theory]
    [InlineData("2026-05", 2026, 5, 1)]
    [InlineData("2026-Q2", 2026, 4, 3)]
    [InlineData("2026-q4", 2026, 10, 3)]
    public void Target_periods_are_months_or_quarters(string period, int year, int month, int months)
    {
        var target = TargetRules.Validate(new TargetFields("Alice", period, "250000", "usd"), [])!;
        target.ShouldBe(new SalesTarget("Alice", new YearMonth(year, month), months, 250000m, CurrencyCode.Usd));
        target.Period.ShouldBe(period.ToUpperInvariant());
    }

    [Theory]
    [InlineData(null, "2026-Q2", "1", "USD", "owner")]
    [InlineData("Alice", "2026-Q5", "1", "USD", "period")]
    [InlineData("Alice", "2026-13", "1", "USD", "period")]
    [InlineData("Alice", "Q2 2026", "1", "USD", "period")]
    [InlineData("Alice", "2026-Q2", "-5", "USD", "arr")]
    [InlineData("Alice", "2026-Q2", "1", "XXX", "currency")]
    public void A_broken_target_names_the_field(string? owner, string period, string arr, string currency, string field)
    {
        var problems = new List<FieldProblem>();
        TargetRules.Validate(new TargetFields(owner, period, arr, currency), problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Fact]
    public void A_pipeline_parses_each_stage_then_keeps_its_own_rules()
    {
        var problems = new List<FieldProblem>();
        var pipeline = PipelineRules.Validate([new("demo", "Demo", "0.3", "open"), new("won", "Won", "1", "WON"), new("lost", "Lost", "0", "lost")], problems);
        problems.ShouldBeEmpty();
        pipeline!.Stages.Select(s => (s.Key, s.Probability, s.Outcome)).ShouldBe([("demo", 0.3m, StageOutcome.Open), ("won", 1m, StageOutcome.Won), ("lost", 0m, StageOutcome.Lost)]);

        PipelineRules.Validate([new("demo", "Demo", "high", "open"), new("won", "Won", "1", "closed")], problems).ShouldBeNull();
        problems.Select(p => p.Field).ShouldBe(["stages[0].probability", "stages[1].outcome"]);

        problems.Clear();
        PipelineRules.Validate([new("won", "Won", "1", "won"), new("demo", "Demo", "1.5", "open")], problems).ShouldBeNull();
        problems.ShouldAllBe(p => p.Field == "stages");
        problems.Select(p => p.Message).ShouldBe(
        [
            "stage 2: probability 1.5 must be between 0 and 1",
            "a pipeline needs exactly one won stage and one lost stage",
            "open stages must come before the won and lost stages",
        ]);
    }
}
