using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Crm;

/// <summary>
/// <c>/api/pipeline</c>: the board (stages with their deals counted, summed and weighted in one currency)
/// and the stages themselves, which a user may rename, reweight or reorder.
/// </summary>
internal static class PipelineApi
{
    public static RouteGroupBuilder MapPipeline(this RouteGroupBuilder api)
    {
        var pipeline = api.MapGroup("/pipeline").WithTags("Pipeline");
        pipeline.MapGet("/", Get)
            .WithName("GetPipeline")
            .WithSummary("The board: each stage's deals, ARR and weighted ARR in the reporting currency, and every deal")
            .WithDescription("ARR converts with the ledger's exchange rates in force today; a missing rate is a 422 naming `currency`.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        pipeline.MapPut("/stages", SaveStages)
            .WithName("SavePipelineStages")
            .WithSummary("Replace the pipeline's stages")
            .WithDescription("Open stages first in funnel order, then exactly one won and one lost stage. 409 when a deal (or a deal's history) uses a stage that would disappear.")
            .Accepts<PipelineStagesBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static Ok<PipelineResponse> Get(
        [Description("Reporting currency (ISO 4217), default USD.")] string? currency,
        [Description("Only deals of this owner (repeatable); the columns' figures then cover only them.")] string[]? owner,
        LedgerStores stores,
        TimeProvider clock)
    {
        var code = new ReportQuery { Currency = currency }.ReportCurrency();
        using var store = stores.Open();
        var view = CrmRequests.View(stores, store);
        var today = CrmRequests.Today(clock);
        var fx = stores.Snapshot(store).Ledger.Fx;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var deals = view.Deals().Where(d => owner is not { Length: > 0 } || owner.Contains(d.Owner, StringComparer.Ordinal)).ToList();
        var columns = new List<PipelineColumnDto>();
        foreach (var stage in view.Pipeline.Stages)
        {
            decimal arr = 0m, weighted = 0m;
            var inStage = deals.Where(d => d.Stage == stage.Key).ToList();
            foreach (var deal in inStage)
            {
                if (fx.RateOn(deal.Currency, code, today) is { } rate)
                {
                    arr += deal.Arr * rate;
                    weighted += deal.Arr * rate * stage.Probability;
                }
                else
                {
                    missing.Add($"no exchange rate from {deal.Currency} to {code} on or before {today:yyyy-MM-dd} (deal {deal.Id}); add one to fx.csv");
                }
            }

            columns.Add(new PipelineColumnDto(stage.Key, stage.Name, stage.Probability, CrmView.Outcome(stage.Outcome), inStage.Count, CrmView.Cents(arr), CrmView.Cents(weighted)));
        }

        if (missing.Count > 0)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "The pipeline cannot be reported in this currency: exchange rates are missing.", new Dictionary<string, string[]>(StringComparer.Ordinal) { ["currency"] = [.. missing] });
        }

        return TypedResults.Ok(new PipelineResponse(code.Value, columns, [.. deals.Select(view.Deal)]));
    }

    private static Ok<PipelineStagesResponse> SaveStages(PipelineStagesBody body, LedgerStores stores)
    {
        if (body.Stages is null)
        {
            throw CrmRequests.Unprocessable("stages", "is required: the stages in board order");
        }

        var problems = new List<FieldProblem>();
        var fields = body.Stages.Select(s => new StageFields(s?.Key, s?.Name, s?.Probability?.ToString(System.Globalization.CultureInfo.InvariantCulture), s?.Outcome)).ToList();
        var pipeline = PipelineRules.Validate(fields, problems);
        CrmRequests.ThrowIfAny(problems);
        using var store = stores.Open();
        var outcome = store.Crm.SavePipeline(pipeline!);
        if (outcome == WriteOutcome.InUse)
        {
            var kept = pipeline!.Stages.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var used = store.Crm.Load().Deals.SelectMany(d => d.History.Select(h => h.Stage).Append(d.Stage)).Where(s => !kept.Contains(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw ApiException.Conflict("stages", $"deals use stage(s) {string.Join(", ", used)} that this pipeline drops; keep them, or move or delete those deals first");
        }

        return outcome == WriteOutcome.Done
            ? TypedResults.Ok(new PipelineStagesResponse([.. pipeline!.Stages.Select(CrmView.Stage)]))
            : throw Customers.CustomersApi.Unexpected(outcome);
    }
}
