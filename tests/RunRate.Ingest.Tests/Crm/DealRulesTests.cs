using RunRate.Engine.Crm;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using Shouldly;

namespace RunRate.Ingest.Tests.Crm;

public sealed class DealRulesTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private static readonly Func<string, bool> OnlyAcme = id => id == "ACME";

    private static DealFields Fields(string? stage = null, string? lostReason = null) =>
        new("dl_1", "ACME", "Acme platform", stage, "12000.50", "eur", "new_business", "2026-03-31", "Alice", "outbound", lostReason, "2026-01-02");

    [Fact]
    public void A_new_deal_starts_in_the_first_open_stage_with_one_history_entry()
    {
        var problems = new List<FieldProblem>();
        var deal = DealRules.Validate(Fields(), Pipeline.Default, Today, OnlyAcme, problems);

        problems.ShouldBeEmpty();
        deal.ShouldNotBeNull();
        deal.Stage.ShouldBe("lead");
        deal.Arr.ShouldBe(12000.50m);
        deal.Currency.Value.ShouldBe("EUR");
        deal.Kind.ShouldBe(DealKind.NewBusiness);
        deal.History.ShouldBe([new StageChange("lead", new DateOnly(2026, 1, 2))]);
    }

    [Fact]
    public void Created_defaults_to_today()
    {
        var deal = DealRules.Validate(Fields() with { Created = null, ExpectedClose = "2026-01-15" }, Pipeline.Default, Today, OnlyAcme, []);
        deal!.Created.ShouldBe(Today);
    }

    [Theory]
    [InlineData("title", "  ", "title")]
    [InlineData("arr", "-1", "arr")]
    [InlineData("arr", "1,000", "arr")]
    [InlineData("currency", "EUD", "currency")]
    [InlineData("currency", "", "currency")]
    [InlineData("kind", "upgrade", "kind")]
    [InlineData("expected_close", "2026-02-30", "expected_close")]
    [InlineData("expected_close", "2025-12-31", "expected_close")]
    [InlineData("created", "02/01/2026", "created")]
    [InlineData("stage", "closing", "stage")]
    [InlineData("account_id", "NOPE", "account_id")]
    public void A_broken_field_is_refused_by_name(string field, string value, string expected)
    {
        var fields = field switch
        {
            "title" => Fields() with { Title = value },
            "arr" => Fields() with { Arr = value },
            "currency" => Fields() with { Currency = value },
            "kind" => Fields() with { Kind = value },
            "expected_close" => Fields() with { ExpectedClose = value },
            "created" => Fields() with { Created = value },
            "stage" => Fields() with { Stage = value },
            _ => Fields() with { AccountId = value },
        };
        var problems = new List<FieldProblem>();
        DealRules.Validate(fields, Pipeline.Default, Today, OnlyAcme, problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe(expected);
    }

    [Fact]
    public void A_lost_deal_needs_a_reason_and_only_a_lost_deal_has_one()
    {
        var problems = new List<FieldProblem>();
        DealRules.Validate(Fields("lost"), Pipeline.Default, Today, OnlyAcme, problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe("lost_reason");

        problems.Clear();
        DealRules.Validate(Fields("proposal", "price"), Pipeline.Default, Today, OnlyAcme, problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Message.ShouldContain("only a deal in the lost stage");

        DealRules.Validate(Fields("lost", "price"), Pipeline.Default, Today, OnlyAcme, [])!.LostReason.ShouldBe("price");
    }

    [Fact]
    public void Moving_appends_to_the_history_and_closing_sets_the_close_day()
    {
        var deal = DealRules.Validate(Fields(), Pipeline.Default, Today, OnlyAcme, [])!;
        var problems = new List<FieldProblem>();
        var qualified = DealRules.Move(deal, Pipeline.Default, "qualified", "2026-01-05", null, Today, problems)!;
        var won = DealRules.Move(qualified, Pipeline.Default, "won", null, null, Today, problems)!;

        problems.ShouldBeEmpty();
        won.Stage.ShouldBe("won");
        won.History.ShouldBe([new("lead", new DateOnly(2026, 1, 2)), new("qualified", new DateOnly(2026, 1, 5)), new("won", Today)]);
        won.ExpectedClose.ShouldBe(Today);
        won.ClosedOn(Pipeline.Default).ShouldBe(Today);
        qualified.ExpectedClose.ShouldBe(new DateOnly(2026, 3, 31));
    }

    [Fact]
    public void Moving_to_the_same_stage_changes_nothing()
    {
        var deal = DealRules.Validate(Fields("proposal"), Pipeline.Default, Today, OnlyAcme, [])!;
        DealRules.Move(deal, Pipeline.Default, "proposal", "2026-01-10", null, Today, []).ShouldBeSameAs(deal);
    }

    [Fact]
    public void A_move_needs_a_known_stage_a_date_in_order_and_a_reason_to_lose()
    {
        var deal = DealRules.Validate(Fields(), Pipeline.Default, Today, OnlyAcme, [])!;
        string Problem(string? stage, string? on, string? reason)
        {
            var problems = new List<FieldProblem>();
            DealRules.Move(deal, Pipeline.Default, stage, on, reason, Today, problems).ShouldBeNull();
            return problems.ShouldHaveSingleItem().Field;
        }

        Problem(null, null, null).ShouldBe("stage");
        Problem("closing", null, null).ShouldBe("stage");
        Problem("qualified", "2026-01-01", null).ShouldBe("on"); // before creation
        Problem("qualified", "2026-01-16", null).ShouldBe("on"); // after today
        Problem("qualified", "yesterday", null).ShouldBe("on");
        Problem("lost", null, null).ShouldBe("lost_reason");
        Problem("won", null, "price").ShouldBe("lost_reason");
    }

    [Fact]
    public void Leaving_the_lost_stage_drops_the_reason()
    {
        var deal = DealRules.Validate(Fields(), Pipeline.Default, Today, OnlyAcme, [])!;
        var lost = DealRules.Move(deal, Pipeline.Default, "lost", "2026-01-10", "no budget", Today, [])!;
        lost.LostReason.ShouldBe("no budget");
        var revived = DealRules.Move(lost, Pipeline.Default, "proposal", null, null, Today, [])!;
        revived.LostReason.ShouldBeNull();
        revived.History.Select(h => h.Stage).ShouldBe(["lead", "lost", "proposal"]);
    }

    [Fact]
    public void Editing_the_stage_appends_today_and_keeps_the_stored_history()
    {
        var stored = DealRules.Move(DealRules.Validate(Fields(), Pipeline.Default, Today, OnlyAcme, [])!, Pipeline.Default, "qualified", "2026-01-05", null, Today, [])!;
        var edited = DealRules.Validate(Fields("won") with { Arr = "13000" }, Pipeline.Default, Today, OnlyAcme, [])!;

        var saved = DealRules.Edit(stored, edited, Pipeline.Default, Today);
        saved.Arr.ShouldBe(13000m);
        saved.History.ShouldBe([new("lead", new DateOnly(2026, 1, 2)), new("qualified", new DateOnly(2026, 1, 5)), new("won", Today)]);
        saved.ExpectedClose.ShouldBe(Today);
        DealRules.Edit(saved, saved with { Title = "Renamed" }, Pipeline.Default, Today).History.ShouldBe(saved.History);
    }

    [Fact]
    public void A_won_deal_proposes_one_annual_line_with_a_free_id()
    {
        var deal = DealRules.Validate(Fields() with { Kind = "cross_sell" }, Pipeline.Default, Today, OnlyAcme, [])!;
        var problems = new List<FieldProblem>();
        DealLines.Propose(deal, Pipeline.Default, _ => false, problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe("stage");

        var won = DealRules.Move(deal, Pipeline.Default, "won", "2026-01-12", null, Today, [])!;
        var line = DealLines.Propose(won, Pipeline.Default, id => id == "dl_1-1", [])!;
        line.ShouldBe(new LineFields("dl_1-2", "ACME", "addon", "Acme platform", "2026-01-12", "", "12000.50", "1", "EUR", "12"));
    }
}
