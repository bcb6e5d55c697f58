using System.Collections.Immutable;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Engine.Tests.Ledger;

public sealed class CustomerTests
{
    private static readonly Customer Acme = new(new CustomerId("C-1"), Name: "Acme", Country: "DE", Segment: "SMB", Channel: "inbound", Owner: "bo")
    {
        Attributes = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add("Industry", "Retail"),
    };

    [Theory]
    [InlineData("name", "Acme")]
    [InlineData("COUNTRY", "DE")]
    [InlineData("segment", "SMB")]
    [InlineData("Channel", "inbound")]
    [InlineData("owner", "bo")]
    [InlineData("customer_id", "C-1")]
    [InlineData("industry", "Retail")]
    public void Standard_and_custom_attributes_are_found_by_name_ignoring_case(string name, string expected)
    {
        Acme.Attribute(name).ShouldBe(expected);
    }

    [Fact]
    public void Unknown_attribute_is_null()
    {
        Acme.Attribute("region").ShouldBeNull();
    }
}
