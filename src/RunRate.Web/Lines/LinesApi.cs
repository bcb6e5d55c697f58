using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Customers;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Lines;

/// <summary><c>/api/lines</c>: single-line writes, validated by the same rules as a lines.csv row.</summary>
internal static class LinesApi
{
    public static RouteGroupBuilder MapLines(this RouteGroupBuilder api)
    {
        var lines = api.MapGroup("/lines").WithTags("Lines");
        lines.MapGet("/{id}", Get)
            .WithName("GetLine")
            .WithSummary("One stored line")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        lines.MapPost("/", Create)
            .WithName("CreateLine")
            .WithSummary("Add a revenue line")
            .Accepts<LineBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        lines.MapPut("/{id}", Replace)
            .WithName("ReplaceLine")
            .WithSummary("Replace a stored line's fields")
            .Accepts<LineBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        lines.MapPost("/{id}/end", End)
            .WithName("EndLine")
            .WithSummary("End (cancel) a recurring line on a day")
            .Accepts<EndLineBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        lines.MapDelete("/{id}", Delete)
            .WithName("DeleteLine")
            .WithSummary("Delete a line")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<LineDto> Get(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        var line = store.FindLine(new LineId(id)) ?? throw ApiException.NotFound("id", $"no line with id '{id}'");
        return TypedResults.Ok(LineDto.From(line));
    }

    private static Created<LineDto> Create(LineBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        var line = Validate(body.Fields(body.LineId ?? ""), store, []);
        return Tracked(stores, store, line.Id, () => (Save(store, line, WriteMode.Create), line)) switch
        {
            WriteOutcome.AlreadyExists => throw ApiException.Conflict("line_id", $"a line with id '{line.Id}' already exists; PUT /api/lines/{line.Id} changes it"),
            _ => TypedResults.Created($"/api/lines/{Uri.EscapeDataString(line.Id.Value)}", LineDto.From(line)),
        };
    }

    private static Ok<LineDto> Replace(string id, LineBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        var problems = new List<FieldProblem>();
        if (!string.IsNullOrEmpty(body.LineId) && body.LineId != id)
        {
            problems.Add(new("line_id", $"must match the id in the path ('{id}'), found '{body.LineId}'"));
        }

        var line = Validate(body.Fields(id), store, problems);
        return Tracked(stores, store, line.Id, () => (Save(store, line, WriteMode.Replace), line)) switch
        {
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no line with id '{id}'; POST /api/lines creates one"),
            _ => TypedResults.Ok(LineDto.From(line)),
        };
    }

    private static Ok<LineDto> End(string id, EndLineBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        var line = store.FindLine(new LineId(id)) ?? throw ApiException.NotFound("id", $"no line with id '{id}'");
        if (string.IsNullOrWhiteSpace(body.EndDate))
        {
            throw ApiException.Unprocessable(ApiException.Single("end_date", "is required (YYYY-MM-DD), the first day without service"));
        }

        var fields = LineDto.Fields(line, null) with { EndDate = body.EndDate };
        var ended = Validate(fields, store, []);
        return Tracked(stores, store, ended.Id, () => (store.EndLine(ended.Id, ended.End!.Value), ended)) switch
        {
            WriteOutcome.Done => TypedResults.Ok(LineDto.From(ended)),
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no line with id '{id}'"),
            _ => throw ApiException.Unprocessable(ApiException.Single("end_date", "the line changed meanwhile and cannot end on that day; reload it")),
        };
    }

    private static NoContent Delete(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        return Tracked(stores, store, new LineId(id), () => (store.DeleteLine(new LineId(id)), null)) == WriteOutcome.Done
            ? TypedResults.NoContent()
            : throw ApiException.NotFound("id", $"no line with id '{id}'");
    }

    /// <summary>The rules of a lines.csv row; the customer must be stored.</summary>
    /// <summary>
    /// Runs one line write and hands the committed change to the live models: the stored line before (read
    /// after the revision, so a concurrent write shows as a revision jump) and the line as written.
    /// </summary>
    private static WriteOutcome Tracked(LedgerStores stores, ILedgerStore store, LineId id, Func<(WriteOutcome Outcome, RevenueLine? After)> write)
    {
        var revision = store.Revision();
        var before = store.FindLine(id);
        var (outcome, after) = write();
        if (outcome == WriteOutcome.Done)
        {
            stores.Models.LineWritten(revision, store.Revision(), before, after);
        }

        return outcome;
    }

    private static RevenueLine Validate(LineFields fields, ILedgerStore store, List<FieldProblem> problems)
    {
        var line = LineRules.Validate(fields, id => store.FindCustomer(new CustomerId(id)) is not null, problems);
        return problems.Count == 0 && line is not null ? line : throw ApiException.Unprocessable(CustomersApi.Errors(problems));
    }

    private static WriteOutcome Save(ILedgerStore store, RevenueLine line, WriteMode mode)
    {
        var outcome = store.SaveLine(line, mode);
        return outcome == WriteOutcome.UnknownCustomer
            ? throw ApiException.Unprocessable(ApiException.Single("customer_id", $"unknown customer '{line.CustomerId}' (it was deleted meanwhile)"))
            : outcome;
    }
}
