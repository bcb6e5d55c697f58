using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Crm;

/// <summary><c>/api/targets</c>: ARR an owner should win per month or quarter, validated by <see cref="TargetRules"/>.</summary>
internal static class TargetsApi
{
    public static RouteGroupBuilder MapTargets(this RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/targets").WithTags("Targets");
        targets.MapGet("/", List)
            .WithName("ListTargets")
            .WithSummary("Every booking target, by period then owner");
        targets.MapPut("/", Save)
            .WithName("SaveTarget")
            .WithSummary("Set an owner's target for a month or a quarter (creates or replaces)")
            .Accepts<TargetBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        targets.MapDelete("/", Delete)
            .WithName("DeleteTarget")
            .WithSummary("Delete an owner's target for a period")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<TargetsResponse> List(LedgerStores stores)
    {
        using var store = stores.Open();
        return TypedResults.Ok(new TargetsResponse([.. store.Crm.Load().Targets.Select(CrmView.Target)]));
    }

    private static Ok<TargetDto> Save(TargetBody body, LedgerStores stores)
    {
        var problems = new List<FieldProblem>();
        var target = TargetRules.Validate(body.Fields(), problems);
        CrmRequests.ThrowIfAny(problems);
        using var store = stores.Open();
        return store.Crm.SaveTarget(target!) == WriteOutcome.Done
            ? TypedResults.Ok(CrmView.Target(target!))
            : throw new InvalidOperationException("Saving a target cannot be refused.");
    }

    private static NoContent Delete(
        [Description("The owner of the target.")] string? owner,
        [Description("The target's period: YYYY-MM or YYYY-Qn.")] string? period,
        LedgerStores stores)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            throw ApiException.BadRequest("owner", "is required: the owner of the target to delete");
        }

        var problems = new List<FieldProblem>();
        var parsed = TargetRules.Period(period, "period", problems);
        if (parsed is null)
        {
            throw ApiException.BadRequest("period", problems[0].Message);
        }

        using var store = stores.Open();
        return store.Crm.DeleteTarget(owner.Trim(), parsed.Value.Start, parsed.Value.Months) == WriteOutcome.Done
            ? TypedResults.NoContent()
            : throw ApiException.NotFound("period", $"{owner.Trim()} has no target for {period!.Trim().ToUpperInvariant()}");
    }
}
