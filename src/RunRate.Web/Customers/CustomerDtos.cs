using System.ComponentModel;
using RunRate.Engine.Ledger;

namespace RunRate.Web.Customers;

/// <summary>A customer as the API accepts it (the columns of customers.csv; custom columns go in <c>attributes</c>).</summary>
internal sealed record CustomerBody(
    [property: Description("Required for POST; for PUT it comes from the path (a different id here is refused).")] string? CustomerId,
    string? Name,
    string? Country,
    string? Segment,
    string? Channel,
    string? Owner,
    [property: Description("Custom attributes: name → value (names must not repeat a standard column; empty values are dropped).")] Dictionary<string, string?>? Attributes);

/// <summary>A stored customer.</summary>
internal sealed record CustomerDto(
    string CustomerId,
    string? Name,
    string? Country,
    string? Segment,
    string? Channel,
    string? Owner,
    IReadOnlyDictionary<string, string> Attributes)
{
    public static CustomerDto From(Customer customer) => new(
        customer.Id.Value, customer.Name, customer.Country, customer.Segment, customer.Channel, customer.Owner, customer.Attributes);
}
