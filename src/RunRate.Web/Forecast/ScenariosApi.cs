using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Ingest.Forecast;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Crm;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Forecast;

/// <summary><c>/api/scenarios</c>: named what-if rules for the forecast, validated by <see cref="ScenarioFieldRules"/>.</summary>
internal static class ScenariosApi
{
    public static RouteGroupBuilder MapScenarios(this RouteGroupBuilder api)
    {
        var scenarios = api.MapGroup("/scenarios").WithTags("Forecast");
        scenarios.MapGet("/", List)
            .WithName("ListScenarios")
            .WithSummary("Every saved forecast scenario, by name");
        scenarios.MapGet("/{name}", Get)
            .WithName("GetScenario")
            .WithSummary("One saved scenario (name compared ignoring case)")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        scenarios.MapPut("/{name}", Save)
            .WithName("SaveScenario")
            .WithSummary("Save a scenario under a name (creates it, or replaces the one of that name)")
            .WithDescription("Every rule is optional; a rule left out (or null) leaves that part of the forecast as the trend says. Compare scenarios with `GET /api/forecast?scenario=base&scenario=NAME`.")
            .Accepts<ScenarioBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        scenarios.MapDelete("/{name}", Delete)
            .WithName("DeleteScenario")
            .WithSummary("Delete a saved scenario")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<ScenariosResponse> List(LedgerStores stores)
    {
        using var store = stores.Open();
        return TypedResults.Ok(new ScenariosResponse([.. store.Scenarios.List().Select(ScenarioDto.From)]));
    }

    private static Ok<ScenarioDto> Get(string name, LedgerStores stores)
    {
        using var store = stores.Open();
        return TypedResults.Ok(ScenarioDto.From(store.Scenarios.Find(name.Trim()) ?? throw NotFound(name)));
    }

    private static Results<Ok<ScenarioDto>, Created<ScenarioDto>> Save(string name, ScenarioBody body, LedgerStores stores)
    {
        var problems = new List<FieldProblem>();
        var scenario = ScenarioFieldRules.Validate(body.Fields(name), problems);
        CrmRequests.ThrowIfAny(problems);
        using var store = stores.Open();
        var existed = store.Scenarios.Find(scenario!.Name) is not null;
        if (store.Scenarios.Save(scenario) != WriteOutcome.Done)
        {
            throw new InvalidOperationException("Saving a scenario cannot be refused.");
        }

        var saved = ScenarioDto.From(store.Scenarios.Find(scenario.Name) ?? scenario);
        return existed ? TypedResults.Ok(saved) : TypedResults.Created(CrmRequests.Location("scenarios", saved.Name), saved);
    }

    private static NoContent Delete(string name, LedgerStores stores)
    {
        using var store = stores.Open();
        return store.Scenarios.Delete(name.Trim()) ? TypedResults.NoContent() : throw NotFound(name);
    }

    private static ApiException NotFound(string name) => ApiException.NotFound("name", $"no saved scenario named '{name.Trim()}'");
}
