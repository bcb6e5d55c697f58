using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Forecast;
using RunRate.Ingest.Validation;
using Shouldly;

namespace RunRate.Ingest.Tests.Forecast;

public sealed class ScenarioFieldRulesTests
{
    [Fact]
    public void Every_rule_is_parsed_and_the_name_trimmed()
    {
        var problems = new List<FieldProblem>();
        var scenario = ScenarioFieldRules.Validate(new ScenarioFields(" price +5 ", "-1", "+20", "10.5", "5", "2027-01", "-100"), problems);

        problems.ShouldBeEmpty();
        scenario.ShouldBe(new Scenario("price +5", new ScenarioRules
        {
            ChurnPoints = -1m, NewPercent = 20m, ExpansionPercent = 10.5m, PricePercent = 5m, PriceFrom = new YearMonth(2027, 1), PipelinePercent = -100m,
        }));
    }

    [Fact]
    public void Empty_fields_leave_their_rule_unset()
    {
        var scenario = ScenarioFieldRules.Validate(new ScenarioFields("churn-1", ChurnPoints: "-1", NewPercent: " "), []);

        scenario!.Rules.ShouldBe(new ScenarioRules { ChurnPoints = -1m });
    }

    [Theory]
    [InlineData("", "name", "is required")]
    [InlineData("Base", "name", "'base' is reserved")]
    [InlineData("a/b", "name", "may hold letters, digits")]
    [InlineData("..", "name", "must start with a letter or a digit")]
    [InlineData("-x", "name", "must start with a letter or a digit")]
    public void A_bad_name_is_named_in_the_problem(string name, string field, string message)
    {
        var problems = new List<FieldProblem>();

        ScenarioFieldRules.Validate(new ScenarioFields(name), problems).ShouldBeNull();

        problems.ShouldHaveSingleItem().Field.ShouldBe(field);
        problems[0].Message.ShouldContain(message);
    }

    [Fact]
    public void A_name_longer_than_sixty_characters_is_refused()
    {
        var problems = new List<FieldProblem>();
        ScenarioFieldRules.Validate(new ScenarioFields(new string('x', 61)), problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Message.ShouldContain("longer than 60");
        ScenarioFieldRules.Validate(new ScenarioFields(new string('x', 60)), []).ShouldNotBeNull();
    }

    [Fact]
    public void Every_problem_is_reported_at_once_under_its_field()
    {
        var problems = new List<FieldProblem>();
        var scenario = ScenarioFieldRules.Validate(new ScenarioFields("ok", "101", "1,5", "-100.01", "abc", "2027-13", "+-5"), problems);

        scenario.ShouldBeNull();
        problems.Select(p => p.Field).ShouldBe(["churn_points", "new_percent", "expansion_percent", "price_percent", "pipeline_percent", "price_from"]);
        problems[0].Message.ShouldBe("must be from -100 to 100 (percentage points of monthly churn), found 101");
        problems[2].Message.ShouldBe("must be from -100 to 1000 (percent), found -100.01");
        problems[5].Message.ShouldBe("expected a month YYYY-MM, found '2027-13'");
    }

    [Fact]
    public void A_price_month_needs_a_price_change()
    {
        var problems = new List<FieldProblem>();

        ScenarioFieldRules.Validate(new ScenarioFields("later", PriceFrom: "2027-01"), problems).ShouldBeNull();

        problems.ShouldHaveSingleItem().ShouldBe(new FieldProblem("price_from", "only applies together with price_percent (the price change it starts)"));
    }
}
