using System.ComponentModel;

namespace RunRate.Web.Reports;

// These records describe the report bodies in the OpenAPI document. The bodies themselves are
// written by RunRate.Reporting, the same code as the CLI's --json, so that both agree byte for byte.
// Money is rounded to cents, ratios are unrounded, null where a figure does not exist.

/// <summary>One month of the bridge (spec section 4, then the extensions).</summary>
internal sealed record MonthDto(
    string Month,
    decimal OpeningMrr,
    decimal New,
    decimal Expansion,
    decimal Contraction,
    decimal Churn,
    decimal Reactivation,
    decimal ClosingMrr,
    decimal Arr,
    decimal SubscriptionArr,
    decimal AddonArr,
    long Customers,
    long NewCustomers,
    long ReactivatedCustomers,
    long ChurnedCustomers,
    decimal? CustomerChurnRate,
    decimal? GrossMrrChurnRate,
    decimal? NetMrrChurnRate,
    decimal? Arpa,
    decimal? QuickRatio,
    decimal? Nrr,
    decimal? Grr,
    decimal? GrowthYoy,
    decimal? Valuation,
    long OpeningCustomers,
    decimal OneTimeRevenue);

/// <summary>A group of a breakdown; it also has a property named after <c>by</c> holding the group's value ("(none)" for none).</summary>
internal sealed record MrrGroupDto(IReadOnlyList<MonthDto> Months);

/// <summary><c>/api/mrr</c>: <c>months</c>, or with <c>by</c>, <c>by</c> and <c>groups</c> instead.</summary>
internal sealed record MrrResponse(string Currency, IReadOnlyList<MonthDto>? Months, string? By, IReadOnlyList<MrrGroupDto>? Groups);

/// <summary><c>/api/summary</c>.</summary>
internal sealed record SummaryResponse(string Currency, MonthDto Summary);

/// <summary>An ARR bridge (with <c>by</c>: one per group, each also holding a property named after <c>by</c>).</summary>
internal sealed record ArrBridgeDto(
    decimal OpeningArr,
    decimal OpeningSubscriptionArr,
    decimal OpeningAddonArr,
    long OpeningCustomers,
    decimal New,
    decimal Expansion,
    decimal Contraction,
    decimal Churn,
    decimal Reactivation,
    long NewCustomers,
    long ChurnedCustomers,
    long ReactivatedCustomers,
    decimal ClosingArr,
    decimal ClosingSubscriptionArr,
    decimal ClosingAddonArr,
    long ClosingCustomers);

/// <summary><c>/api/arr-bridge</c>: <c>currency</c>, <c>from</c>, <c>to</c> and the bridge's fields at the top level, or <c>by</c> and <c>groups</c>.</summary>
internal sealed record ArrBridgeResponse(string Currency, string From, string To, [property: Description("Only with `by`.")] string? By, [property: Description("Only with `by`.")] IReadOnlyList<ArrBridgeDto>? Groups);

/// <summary>One cohort; every array starts at age 0.</summary>
internal sealed record CohortDto(string Cohort, long Customers, IReadOnlyList<decimal> Mrr, IReadOnlyList<decimal?> RevenueRetention, IReadOnlyList<decimal?> LogoRetention);

/// <summary><c>/api/cohorts</c>.</summary>
internal sealed record CohortsResponse(string Currency, IReadOnlyList<CohortDto> Cohorts);

/// <summary>One row of the customer list.</summary>
internal sealed record CustomerRowDto(
    string CustomerId,
    string? Name,
    [property: Description("active, churned, future or never-active.")] string Status,
    string? Segment,
    string? Channel,
    string? Country,
    string? Owner,
    string? Since,
    string? LastMovementDate,
    string? LastMovement,
    decimal Mrr,
    decimal Arr);

/// <summary><c>/api/customers</c>.</summary>
internal sealed record CustomersResponse(string Currency, string Month, [property: Description("Every match, before `limit`.")] int Total, IReadOnlyList<CustomerRowDto> Customers);

/// <summary>A line of one customer's view.</summary>
internal sealed record CustomerLineDto(string LineId, string Kind, string? Product, string StartDate, string? EndDate, decimal Amount, decimal Quantity, string Currency, int? IntervalMonths);

/// <summary>A movement of one customer's timeline.</summary>
internal sealed record MovementDto(string Date, string Type, decimal Amount, decimal MrrAfter);

/// <summary><c>/api/customers/{id}</c>.</summary>
internal sealed record CustomerDetailResponse(
    string Currency,
    string Month,
    string CustomerId,
    string? Name,
    string? Country,
    string? Segment,
    string? Channel,
    string? Owner,
    IReadOnlyDictionary<string, string> Attributes,
    string Status,
    decimal Mrr,
    decimal Arr,
    string? Since,
    IReadOnlyList<CustomerLineDto> Lines,
    IReadOnlyList<MovementDto> Movements);

/// <summary>An import error, located like a compiler error.</summary>
internal sealed record ImportErrorDto(string File, int Line, string Column, string Message);

/// <summary><c>POST /api/ledger</c>: as <c>runrate import --json</c>.</summary>
internal sealed record ImportResponse(bool Imported, int Customers, long Lines, int FxRates, int Costs, long ErrorCount, IReadOnlyList<ImportErrorDto> Errors);
