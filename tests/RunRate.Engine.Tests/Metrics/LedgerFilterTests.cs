using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class LedgerFilterTests
{
    private static readonly Customer Smb = new(new CustomerId("A"), Country: "DE", Segment: "SMB");

    private static RevenueLine Line(string? product) =>
        new(new LineId("L"), new CustomerId("A"), LineKind.Subscription, product, Day("2024-01-01"), null, 1m, 1m, CurrencyCode.Usd, 1);

    [Fact]
    public void No_filter_matches_everything()
    {
        LedgerFilter.All.IsEmpty.ShouldBeTrue();
        LedgerFilter.All.Matches(Smb).ShouldBeTrue();
        LedgerFilter.All.Matches(Line(null)).ShouldBeTrue();
    }

    [Fact]
    public void Values_of_one_attribute_are_alternatives_and_ignore_case()
    {
        LedgerFilter.All.Where("segment", "ent", "smb").Matches(Smb).ShouldBeTrue();
        LedgerFilter.All.Where("Segment", "ent").Where("segment", "SMB").Matches(Smb).ShouldBeTrue();
        LedgerFilter.All.Where("segment", "ent").Matches(Smb).ShouldBeFalse();
    }

    [Fact]
    public void Different_attributes_must_all_match()
    {
        LedgerFilter.All.Where("segment", "smb").Where("country", "de").Matches(Smb).ShouldBeTrue();
        LedgerFilter.All.Where("segment", "smb").Where("country", "fr").Matches(Smb).ShouldBeFalse();
    }

    [Fact]
    public void Missing_attribute_only_matches_the_empty_value()
    {
        LedgerFilter.All.Where("owner", "bo").Matches(Smb).ShouldBeFalse();
        LedgerFilter.All.Where("owner", "").Matches(Smb).ShouldBeTrue();
    }

    [Fact]
    public void Product_selects_lines_not_customers()
    {
        var filter = LedgerFilter.All.Where("PRODUCT", "pro");

        filter.Products.ShouldBe(["pro"]);
        filter.Attributes.ShouldBeEmpty();
        filter.Matches(Smb).ShouldBeTrue();
        filter.Matches(Line("Pro")).ShouldBeTrue();
        filter.Matches(Line("core")).ShouldBeFalse();
        filter.Matches(Line(null)).ShouldBeFalse();
    }

    [Fact]
    public void A_reversed_report_range_is_rejected()
    {
        Should.Throw<ArgumentException>(() => Request("2024-05", "2024-04"));
    }
}
