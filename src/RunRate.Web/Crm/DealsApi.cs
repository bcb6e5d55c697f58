using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Engine.Crm;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Reporting.Common;
using RunRate.Storage;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Crm;

/// <summary>
/// <c>/api/deals</c>: opportunities on the pipeline, validated by <see cref="DealRules"/>. Moving a deal
/// appends to its stage history; a won deal's lines are proposed and created by <see cref="DealLinesApi"/>.
/// </summary>
internal static class DealsApi
{
    public static RouteGroupBuilder MapDeals(this RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Deals");
        deals.MapGet("/", List)
            .WithName("ListDeals")
            .WithSummary("Deals in board order, optionally of one stage, owner or account")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        deals.MapGet("/{id}", Get)
            .WithName("GetDeal")
            .WithSummary("One deal with its stage history and the lines created from it")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        deals.MapPost("/", Create)
            .WithName("CreateDeal")
            .WithSummary("Add a deal to the pipeline")
            .Accepts<DealBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        deals.MapPut("/{id}", Replace)
            .WithName("ReplaceDeal")
            .WithSummary("Replace a deal's fields (a new stage is appended to its history)")
            .Accepts<DealBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        deals.MapPost("/{id}/stage", Move)
            .WithName("MoveDeal")
            .WithSummary("Move a deal to a stage (drag and drop on the board)")
            .WithDescription("Moving to the stage the deal is in changes nothing. Moving to the lost stage needs `lost_reason`; closing sets `expected_close` to the close day.")
            .Accepts<StageMoveBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        deals.MapGet("/{id}/proposed-lines", DealLinesApi.Proposed)
            .WithName("ProposeDealLines")
            .WithSummary("The ledger line a won deal proposes (one annual line of its ARR)")
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        deals.MapPost("/{id}/lines", DealLinesApi.Create)
            .WithName("CreateDealLines")
            .WithSummary("Create the ledger lines a won deal sold, all or none, so its ARR reaches the ledger")
            .Accepts<DealLinesBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        deals.MapDelete("/{id}", Delete)
            .WithName("DeleteDeal")
            .WithSummary("Delete a deal (lines created from it stay in the ledger)")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<DealsResponse> List(
        [Description("Only deals in this stage (a stage key).")] string? stage,
        [Description("Only deals of this owner (ignoring case).")] string? owner,
        [FromQuery(Name = "account_id"), Description("Only deals of this account.")] string? accountId,
        LedgerStores stores)
    {
        using var store = stores.Open();
        var view = CrmRequests.View(stores, store);
        if (!string.IsNullOrEmpty(stage) && view.Pipeline.Find(stage) is null)
        {
            throw ApiException.BadRequest("stage", $"unknown stage '{stage}'; the pipeline's stages are {string.Join(", ", view.Pipeline.Stages.Select(s => s.Key))}");
        }

        var deals = view.Deals(NullIfEmpty(stage), NullIfEmpty(owner), NullIfEmpty(accountId));
        return TypedResults.Ok(new DealsResponse([.. deals.Select(view.Deal)]));
    }

    private static Ok<DealDto> Get(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        var deal = Find(store, id);
        return TypedResults.Ok(CrmRequests.View(stores, store).Deal(deal));
    }

    private static Created<DealDto> Create(DealBody body, LedgerStores stores, TimeProvider clock)
    {
        using var store = stores.Open();
        var view = CrmRequests.View(stores, store);
        var today = CrmRequests.Today(clock);
        var (deal, outcome) = CrmRequests.Create(body.DealId, NewIds.Deal, id => Validate(body.Fields(id), view.Pipeline, today, store), d => store.Crm.SaveDeal(d, WriteMode.Create));
        Check(outcome, deal);
        return TypedResults.Created(CrmRequests.Location("deals", deal.Id.Value), view.Deal(deal));
    }

    private static Ok<DealDto> Replace(string id, DealBody body, LedgerStores stores, TimeProvider clock)
    {
        using var store = stores.Open();
        var stored = Find(store, id);
        if (!string.IsNullOrEmpty(body.DealId) && body.DealId != id)
        {
            throw CrmRequests.Unprocessable("deal_id", $"must match the id in the path ('{id}'), found '{body.DealId}'");
        }

        var view = CrmRequests.View(stores, store);
        var today = CrmRequests.Today(clock);
        var edited = Validate(body.Fields(id, stored.Stage, ReportText.Date(stored.Created)), view.Pipeline, today, store);
        var deal = DealRules.Edit(stored, edited, view.Pipeline, today);
        Check(store.Crm.SaveDeal(deal, WriteMode.Replace), deal);
        return TypedResults.Ok(view.Deal(deal));
    }

    private static Ok<DealDto> Move(string id, StageMoveBody body, LedgerStores stores, TimeProvider clock)
    {
        using var store = stores.Open();
        var deal = Find(store, id);
        var view = CrmRequests.View(stores, store);
        var problems = new List<FieldProblem>();
        var moved = DealRules.Move(deal, view.Pipeline, body.Stage, body.On, body.LostReason, CrmRequests.Today(clock), problems);
        CrmRequests.ThrowIfAny(problems);
        if (!ReferenceEquals(moved, deal))
        {
            Check(store.Crm.SaveDeal(moved!, WriteMode.Replace), moved!);
        }

        return TypedResults.Ok(view.Deal(moved!));
    }

    private static NoContent Delete(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        return store.Crm.DeleteDeal(new DealId(id)) == WriteOutcome.Done
            ? TypedResults.NoContent()
            : throw ApiException.NotFound("id", $"no deal with id '{id}'");
    }

    internal static Deal Find(ILedgerStore store, string id) =>
        store.Crm.FindDeal(new DealId(id)) ?? throw ApiException.NotFound("id", $"no deal with id '{id}'");

    private static Deal Validate(DealFields fields, Pipeline pipeline, DateOnly today, ILedgerStore store)
    {
        var problems = new List<FieldProblem>();
        var deal = DealRules.Validate(fields, pipeline, today, id => CrmRequests.AccountKnown(store, id), problems);
        CrmRequests.ThrowIfAny(problems);
        return deal!;
    }

    private static void Check(WriteOutcome outcome, Deal deal)
    {
        switch (outcome)
        {
            case WriteOutcome.Done:
                return;
            case WriteOutcome.AlreadyExists:
                throw ApiException.Conflict("deal_id", $"a deal with id '{deal.Id}' already exists; PUT /api/deals/{deal.Id} changes it");
            case WriteOutcome.NotFound:
                throw ApiException.NotFound("id", $"no deal with id '{deal.Id}'");
            case WriteOutcome.UnknownCustomer:
                throw CrmRequests.Unprocessable("account_id", $"unknown account '{deal.AccountId}' (it was deleted meanwhile)");
            case WriteOutcome.Invalid:
                throw CrmRequests.Unprocessable("stage", $"stage '{deal.Stage}' left the pipeline meanwhile; reload the board");
            default:
                throw Customers.CustomersApi.Unexpected(outcome);
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
