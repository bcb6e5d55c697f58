using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;
using RunRate.Reporting.Customers;
using RunRate.Storage;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Customers;

/// <summary>
/// <c>/api/customers</c>: the customer list and one customer's view (as <c>runrate customers --json</c>
/// and <c>runrate customer ID --json</c>), and single-customer writes validated like customers.csv.
/// </summary>
internal static class CustomersApi
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", List)
            .WithName("ListCustomers")
            .WithSummary("Customers with status, MRR and ARR at the close of a month")
            .WithDescription("Same JSON as `runrate customers --json`; `limit` cuts the list (`total` still counts every match), `q` searches id and name.")
            .Produces<CustomersResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        customers.MapGet("/{id}", Get)
            .WithName("GetCustomer")
            .WithSummary("One customer: attributes, lines and movement timeline")
            .WithDescription("Same JSON as `runrate customer ID --json`; `format=csv` gives the movement timeline.")
            .Produces<CustomerDetailResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithETag(StatusCodes.Status200OK);
        customers.MapPost("/", Create)
            .WithName("CreateCustomer")
            .WithSummary("Add a customer")
            .Accepts<CustomerBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithETag(StatusCodes.Status201Created);
        customers.MapPut("/{id}", Replace)
            .WithName("ReplaceCustomer")
            .WithSummary("Replace a stored customer's fields")
            .Accepts<CustomerBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIfMatch()
            .WithETag(StatusCodes.Status200OK);
        customers.MapDelete("/{id}", Delete)
            .WithName("DeleteCustomer")
            .WithSummary("Delete a customer that has no lines, contacts, deals or activities")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .WithIfMatch();
        return api;
    }

    private static ContentHttpResult List(
        [AsParameters] ReportQuery query,
        [Description("Standing at the close of this month, YYYY-MM (default: the current month).")] string? month,
        [Description("all (default), active, churned, future or never-active.")] string? status,
        [Description("mrr (default, largest first), arr, name, id, since or last-movement.")] string? sort,
        [Description("At most this many customers (default: all).")] string? limit,
        [Description("Only customers whose id or name contains this text (ignoring case).")] string? q,
        LedgerStores stores,
        TimeProvider clock)
    {
        var m = ReportMonths.Month(month, "month", clock);
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        query.Csv();
        status = OneOf(status, "status", CustomerList.Statuses);
        sort = OneOf(sort, "sort", CustomerList.Sorts);
        int? take = null;
        if (!string.IsNullOrEmpty(limit))
        {
            take = int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw ApiException.BadRequest("limit", $"expected a whole number of at least 1, found '{limit}'");
        }

        var standings = CustomerRevenue.Analyze(stores.Snapshot().Ledger, currency, m.LastDay, filter);
        var all = CustomerList.Select(standings, status, sort, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        var shown = all.Take(take ?? all.Count).ToList();
        return query.Render(w => CustomersReport.Json(w, currency, m, all.Count, shown), w => CustomersReport.Csv(w, shown));
    }

    private static ContentHttpResult Get(
        string id,
        [Description("Standing at the close of this month, YYYY-MM (default: the current month).")] string? month,
        [Description("Reporting currency (ISO 4217), default USD.")] string? currency,
        [Description("json (default) or csv (the movement timeline).")] string? format,
        LedgerStores stores,
        TimeProvider clock,
        HttpContext context)
    {
        var query = new ReportQuery { Currency = currency, Format = format };
        var m = ReportMonths.Month(month, "month", clock);
        var code = query.ReportCurrency();
        query.Csv();
        var ledger = stores.Snapshot().Ledger;
        var customerId = new CustomerId(id);
        var standing = CustomerRevenue.Analyze(ledger, code, m.LastDay, customerId)
            ?? throw ApiException.NotFound("id", $"no customer with id '{id}'");
        var lines = CustomerReport.Lines(ledger, customerId);
        Preconditions.SetETag(context, RowVersion.Of(standing.Customer)); // the version of the customer record, which PUT replaces
        return query.Render(w => CustomerReport.Json(w, standing, lines, code, m), w => CustomerReport.Csv(w, standing));
    }

    private static Created<CustomerDto> Create(CustomerBody body, LedgerStores stores, HttpContext context)
    {
        var customer = Validate(body, null);
        using var store = stores.Open();
        return store.SaveCustomer(customer, WriteMode.Create) switch
        {
            WriteOutcome.Done => Versioned(context, customer, c => TypedResults.Created($"/api/customers/{Uri.EscapeDataString(customer.Id.Value)}", CustomerDto.From(c))),
            WriteOutcome.AlreadyExists => throw ApiException.Conflict("customer_id", $"a customer with id '{customer.Id}' already exists; PUT /api/customers/{customer.Id} changes it"),
            var other => throw Unexpected(other),
        };
    }

    private static Ok<CustomerDto> Replace(string id, CustomerBody body, LedgerStores stores, HttpContext context)
    {
        var expected = Preconditions.IfMatch(context);
        var customer = Validate(body, id);
        using var store = stores.Open();
        return store.SaveCustomer(customer, WriteMode.Replace, expected) switch
        {
            WriteOutcome.Done => Versioned(context, customer, c => TypedResults.Ok(CustomerDto.From(c))),
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no customer with id '{id}'; POST /api/customers creates one"),
            WriteOutcome.PreconditionFailed => throw Stale(store, id),
            var other => throw Unexpected(other),
        };
    }

    private static NoContent Delete(string id, LedgerStores stores, HttpContext context)
    {
        var expected = Preconditions.IfMatch(context);
        using var store = stores.Open();
        return store.DeleteCustomer(new CustomerId(id), expected) switch
        {
            WriteOutcome.Done => TypedResults.NoContent(),
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no customer with id '{id}'"),
            WriteOutcome.PreconditionFailed => throw Stale(store, id),
            WriteOutcome.HasLines => throw ApiException.Conflict("id", $"customer '{id}' still has revenue lines; delete them (or move them to another customer) first"),
            WriteOutcome.InUse => throw ApiException.Conflict("id", $"customer '{id}' still has contacts, deals or activities; delete them first"),
            var other => throw Unexpected(other),
        };
    }

    /// <summary>A response with the customer's version as the ETag.</summary>
    private static T Versioned<T>(HttpContext context, Engine.Ledger.Customer customer, Func<Engine.Ledger.Customer, T> result)
    {
        Preconditions.SetETag(context, RowVersion.Of(customer));
        return result(customer);
    }

    /// <summary>The 412 of a stale If-Match, with the customer's current version.</summary>
    private static ApiException Stale(ILedgerStore store, string id) =>
        Preconditions.Failed("customer", $"/api/customers/{Uri.EscapeDataString(id)}", store.FindCustomer(new CustomerId(id)) is { } now ? RowVersion.Of(now) : null);

    /// <summary>The customer rules of customers.csv; with a path id, the body's id must be absent or the same.</summary>
    private static Engine.Ledger.Customer Validate(CustomerBody body, string? pathId)
    {
        var problems = new List<FieldProblem>();
        var id = body.CustomerId ?? "";
        if (pathId is not null)
        {
            if (id.Length > 0 && id != pathId)
            {
                problems.Add(new("customer_id", $"must match the id in the path ('{pathId}'), found '{id}'"));
            }

            id = pathId;
        }

        var customer = CustomerRules.Validate(
            new CustomerFields(id, body.Name, body.Country, body.Segment, body.Channel, body.Owner, body.Attributes),
            problems);
        return problems.Count == 0 && customer is not null ? customer : throw ApiException.Unprocessable(Errors(problems));
    }

    internal static string OneOf(string? value, string field, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return allowed[0];
        }

        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw ApiException.BadRequest(field, $"expected one of {string.Join(", ", allowed)}, found '{value}'");
    }

    internal static IReadOnlyDictionary<string, string[]> Errors(IEnumerable<FieldProblem> problems) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);

    internal static InvalidOperationException Unexpected(WriteOutcome outcome) => new($"Unexpected store outcome {outcome}.");
}
