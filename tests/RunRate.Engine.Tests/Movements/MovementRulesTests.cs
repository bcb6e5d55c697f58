using RunRate.Engine.Movements;
using Shouldly;

namespace RunRate.Engine.Tests.Movements;

public sealed class MovementRulesTests
{
    [Theory]
    [InlineData(0, 5, false, MovementType.New)]
    [InlineData(0, 5, true, MovementType.Reactivation)]
    [InlineData(5, 0, true, MovementType.Churn)]
    [InlineData(5, 8, true, MovementType.Expansion)]
    [InlineData(8, 5, true, MovementType.Contraction)]
    public void Spec_table_of_section_3_classifies_each_change(long before, long after, bool everActive, MovementType expected)
    {
        MovementRules.Classify(before, after, everActive).ShouldBe(expected);
        MovementRules.Classify((Int128)before, (Int128)after, everActive).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(7, true)]
    public void Unchanged_mrr_is_no_movement(long mrr, bool everActive)
    {
        MovementRules.Classify(mrr, mrr, everActive).ShouldBeNull();
    }

    [Theory]
    [InlineData(MovementType.New, "new")]
    [InlineData(MovementType.Expansion, "expansion")]
    [InlineData(MovementType.Contraction, "contraction")]
    [InlineData(MovementType.Churn, "churn")]
    [InlineData(MovementType.Reactivation, "reactivation")]
    public void Movements_are_spelled_as_in_the_report(MovementType type, string text)
    {
        type.ToText().ShouldBe(text);
    }
}
