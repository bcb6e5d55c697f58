using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Infrastructure;
using RunRate.Web.Lines;

namespace RunRate.Web.Crm;

/// <summary>
/// Winning a deal, in the ledger: <c>GET /api/deals/{id}/proposed-lines</c> prefills the line the deal sold,
/// <c>POST /api/deals/{id}/lines</c> writes the (possibly edited) lines in one transaction and links them to
/// the deal, so the won ARR shows in every report. Each line passes the rules of a lines.csv row.
/// </summary>
internal static class DealLinesApi
{
    public static Ok<DealLinesResponse> Proposed(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        var deal = DealsApi.Find(store, id);
        var problems = new List<FieldProblem>();
        var fields = DealLines.Propose(deal, store.Crm.Load().Pipeline, line => store.FindLine(new LineId(line)) is not null, problems);
        CrmRequests.ThrowIfAny(problems);
        var line = LineRules.Validate(fields!, account => CrmRequests.AccountKnown(store, account), problems);
        CrmRequests.ThrowIfAny(problems);
        return TypedResults.Ok(new DealLinesResponse([LineDto.From(line!)]));
    }

    public static Created<DealLinesResponse> Create(string id, DealLinesBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        var deal = DealsApi.Find(store, id);
        if (body.Lines is null)
        {
            throw CrmRequests.Unprocessable("lines", "is required: the lines to create, as GET /api/deals/{id}/proposed-lines gives them");
        }

        var problems = new List<FieldProblem>();
        var lines = new List<RevenueLine>();
        for (var i = 0; i < body.Lines.Count; i++)
        {
            var own = new List<FieldProblem>();
            var lineBody = body.Lines[i] ?? throw CrmRequests.Unprocessable(DealLines.Field(i, "line_id"), "a line must be an object");
            var line = LineRules.Validate(lineBody.Fields(lineBody.LineId ?? ""), account => CrmRequests.AccountKnown(store, account), own);
            problems.AddRange(own.Select(p => p with { Field = DealLines.Field(i, p.Field) }));
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        if (problems.Count == 0)
        {
            DealLines.Check(deal, store.Crm.Load().Pipeline, lines, problems);
        }

        CrmRequests.ThrowIfAny(problems);
        for (var i = 0; i < lines.Count; i++)
        {
            if (store.FindLine(lines[i].Id) is not null)
            {
                throw ApiException.Conflict(DealLines.Field(i, "line_id"), $"a line with id '{lines[i].Id}' already exists; choose another id");
            }
        }

        return store.Crm.AddDealLines(deal.Id, lines) switch
        {
            WriteOutcome.Done => TypedResults.Created(CrmRequests.Location("deals", deal.Id.Value), new DealLinesResponse([.. lines.Select(LineDto.From)])),
            WriteOutcome.NotFound => throw ApiException.NotFound("id", $"no deal with id '{id}' (it was deleted meanwhile)"),
            WriteOutcome.AlreadyExists => throw ApiException.Conflict("lines", "a line id was taken meanwhile; nothing was written"),
            WriteOutcome.UnknownCustomer => throw CrmRequests.Unprocessable("lines", $"account '{deal.AccountId}' was deleted meanwhile"),
            WriteOutcome.Invalid => throw CrmRequests.Unprocessable("stage", $"deal '{id}' is no longer won; nothing was written"),
            var other => throw Customers.CustomersApi.Unexpected(other),
        };
    }
}
