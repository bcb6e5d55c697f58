using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Reporting.Customers;
using RunRate.Storage;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Crm;

/// <summary>
/// <c>/api/accounts</c>: an account is a ledger customer seen from sales: its standing today, its people,
/// deals and activities, and the ledger lines its won deals created, in one request.
/// </summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/{id}", Get)
            .WithName("GetAccount")
            .WithSummary("One account: customer fields, domains, today's MRR and ARR, contacts, deals, activities")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPut("/{id}/domains", SaveDomains)
            .WithName("SaveAccountDomains")
            .WithSummary("Replace the e-mail domains that identify an account's people")
            .Accepts<DomainsBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static Ok<AccountResponse> Get(
        string id,
        [Description("Currency of mrr and arr (ISO 4217), default USD.")] string? currency,
        LedgerStores stores,
        TimeProvider clock)
    {
        var code = new ReportQuery { Currency = currency }.ReportCurrency();
        using var store = stores.Open();
        var ledger = stores.Snapshot(store).Ledger;
        var account = new CustomerId(id);
        var standing = CustomerRevenue.Analyze(ledger, code, CrmRequests.Today(clock), account) ?? throw ApiException.NotFound("id", $"no account (customer) with id '{id}'");
        var view = CrmRequests.View(stores, store);
        var customer = standing.Customer;
        var domains = view.Data.Accounts.FirstOrDefault(a => a.AccountId == account)?.Domains ?? [];
        var deals = view.Deals(accountId: id).Select(view.Deal).ToList();
        return TypedResults.Ok(new AccountResponse(
            new AccountDto(customer.Id.Value, customer.Name, customer.Segment, customer.Channel, customer.Country, customer.Owner, customer.Attributes, domains),
            CustomerList.StatusText(standing.Status),
            standing.Mrr.Round(),
            standing.Arr.Round(),
            [.. view.Contacts(id, null).Select(view.Contact)],
            deals,
            [.. view.Activities(accountId: id).Select(view.Activity)],
            deals.Where(d => d.LineIds.Count > 0).ToDictionary(d => d.DealId, d => d.LineIds, StringComparer.Ordinal)));
    }

    private static Ok<DomainsResponse> SaveDomains(string id, DomainsBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        var account = new CustomerId(id);
        if (store.FindCustomer(account) is null)
        {
            throw ApiException.NotFound("id", $"no account (customer) with id '{id}'");
        }

        if (body.Domains is null)
        {
            throw CrmRequests.Unprocessable("domains", "is required: a list of domains such as [\"acme.com\"] (empty to remove them)");
        }

        var problems = new List<FieldProblem>();
        var domains = AccountRules.Domains(body.Domains, problems);
        CrmRequests.ThrowIfAny(problems);
        foreach (var other in store.Crm.Load().Accounts.Where(a => a.AccountId != account))
        {
            if (other.Domains.FirstOrDefault(domains!.Value.Contains) is { } taken)
            {
                throw ApiException.Conflict("domains", $"'{taken}' already identifies account '{other.AccountId}'; mail from it could not tell the two apart");
            }
        }

        return store.Crm.SaveDomains(account, domains!.Value) switch
        {
            WriteOutcome.Done => TypedResults.Ok(new DomainsResponse(id, domains.Value)),
            WriteOutcome.UnknownCustomer => throw ApiException.NotFound("id", $"no account (customer) with id '{id}' (it was deleted meanwhile)"),
            var other => throw Customers.CustomersApi.Unexpected(other),
        };
    }
}
