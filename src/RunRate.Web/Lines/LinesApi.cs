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
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .WithETag(StatusCodes.Status200OK);
        lines.MapPost("/", Create)
            .WithName("CreateLine")
            .WithSummary("Add a revenue line")
            .Accepts<LineBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithETag(StatusCodes.Status201Created);
        lines.MapPut("/{id}", Replace)
            .WithName("ReplaceLine")
            .WithSummary("Replace a stored line's fields")
            .Accepts<LineBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIfMatch()
            .WithETag(StatusCodes.Status200OK);
        lines.MapPost("/{id}/end", End)
            .WithName("EndLine")
            .WithSummary("End (cancel) a recurring line on a day")
            .Accepts<EndLineBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIfMatch()
            .WithETag(StatusCodes.Status200OK);
        lines.MapDelete("/{id}", Delete)
            .WithName("DeleteLine")
            .WithSummary("Delete a line")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .WithIfMatch();
        return api;
    }

    private static Ok<LineDto> Get(string id, LedgerStores stores, HttpContext context)
    {
        using var store = stores.Open();
        var line = store.FindLine(new LineId(id)) ?? throw ApiException.NotFound("id", $"no line with id '{id}'");
        return Versioned(context, line);
    }

    private static Created<LineDto> Create(LineBody body, LedgerStores stores, HttpContext context)
    {
        using var store = stores.Open();
        var line = Validate(body.Fields(body.LineId ?? ""), store, []);
        switch (Tracked(stores, store, line.Id, () => (Save(store, line, WriteMode.Create, null), line)))
        {
            case WriteOutcome.AlreadyExists:
                throw ApiException.Conflict("line_id", $"a line with id '{line.Id}' already exists; PUT /api/lines/{line.Id} changes it");
            default:
                Preconditions.SetETag(context, RowVersion.Of(line));
                return TypedResults.Created($"/api/lines/{Uri.EscapeDataString(line.Id.Value)}", LineDto.From(line));
        }
    }

    private static Ok<LineDto> Replace(string id, LineBody body, LedgerStores stores, HttpContext context)
    {
        var expected = Preconditions.IfMatch(context);
        using var store = stores.Open();
        var problems = new List<FieldProblem>();
        if (!string.IsNullOrEmpty(body.LineId) && body.LineId != id)
        {
            problems.Add(new("line_id", $"must match the id in the path ('{id}'), found '{body.LineId}'"));
        }

        var line = Validate(body.Fields(id), store, problems);
        return Tracked(stores, store, line.Id, () => (Save(store, line, WriteMode.Replace, expected), line)) switch
        {
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no line with id '{id}'; POST /api/lines creates one"),
            WriteOutcome.PreconditionFailed => throw Stale(store, id),
            _ => Versioned(context, line),
        };
    }

    private static Ok<LineDto> End(string id, EndLineBody body, LedgerStores stores, HttpContext context)
    {
        var expected = Preconditions.IfMatch(context);
        using var store = stores.Open();
        var line = store.FindLine(new LineId(id)) ?? throw ApiException.NotFound("id", $"no line with id '{id}'");
        if (expected is not null && !expected.Matches(RowVersion.Of(line)))
        {
            throw Stale(store, id);
        }

        if (string.IsNullOrWhiteSpace(body.EndDate))
        {
            throw ApiException.Unprocessable(ApiException.Single("end_date", "is required (YYYY-MM-DD), the first day without service"));
        }

        var fields = LineDto.Fields(line, null) with { EndDate = body.EndDate };
        var ended = Validate(fields, store, []);
        return Tracked(stores, store, ended.Id, () => (store.EndLine(ended.Id, ended.End!.Value, expected), ended)) switch
        {
            WriteOutcome.Done => Versioned(context, ended),
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no line with id '{id}'"),
            WriteOutcome.PreconditionFailed => throw Stale(store, id),
            _ => throw ApiException.Unprocessable(ApiException.Single("end_date", "the line changed meanwhile and cannot end on that day; reload it")),
        };
    }

    private static NoContent Delete(string id, LedgerStores stores, HttpContext context)
    {
        var expected = Preconditions.IfMatch(context);
        using var store = stores.Open();
        return Tracked(stores, store, new LineId(id), () => (store.DeleteLine(new LineId(id), expected), null)) switch
        {
            WriteOutcome.Done => TypedResults.NoContent(),
            WriteOutcome.PreconditionFailed => throw Stale(store, id),
            _ => throw ApiException.NotFound("id", $"no line with id '{id}'"),
        };
    }

    /// <summary>A 200 with the line and its version as the ETag.</summary>
    private static Ok<LineDto> Versioned(HttpContext context, RevenueLine line)
    {
        Preconditions.SetETag(context, RowVersion.Of(line));
        return TypedResults.Ok(LineDto.From(line));
    }

    /// <summary>The 412 of a stale If-Match, with the line's current version.</summary>
    private static ApiException Stale(ILedgerStore store, string id) =>
        Preconditions.Failed("line", $"/api/lines/{Uri.EscapeDataString(id)}", store.FindLine(new LineId(id)) is { } now ? RowVersion.Of(now) : null);

    /// <summary>
    /// Runs one line write and hands the committed change to the live models: the stored line before and the line
    /// as written. The workspace's write gate keeps this server's writes from interleaving, so only another
    /// process's write (or a CRM write) shows as a revision jump, which makes the models rebuild.
    /// </summary>
    private static WriteOutcome Tracked(LedgerStores stores, ILedgerStore store, LineId id, Func<(WriteOutcome Outcome, RevenueLine? After)> write)
    {
        lock (stores.Models.WriteGate)
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
    }

    /// <summary>The rules of a lines.csv row; the customer must be stored.</summary>
    private static RevenueLine Validate(LineFields fields, ILedgerStore store, List<FieldProblem> problems)
    {
        var line = LineRules.Validate(fields, id => store.FindCustomer(new CustomerId(id)) is not null, problems);
        return problems.Count == 0 && line is not null ? line : throw ApiException.Unprocessable(CustomersApi.Errors(problems));
    }

    private static WriteOutcome Save(ILedgerStore store, RevenueLine line, WriteMode mode, ExpectedVersion? expected)
    {
        var outcome = store.SaveLine(line, mode, expected);
        return outcome == WriteOutcome.UnknownCustomer
            ? throw ApiException.Unprocessable(ApiException.Single("customer_id", $"unknown customer '{line.CustomerId}' (it was deleted meanwhile)"))
            : outcome;
    }
}
