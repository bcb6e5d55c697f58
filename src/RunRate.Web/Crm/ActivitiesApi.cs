using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Engine.Crm;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Crm;

/// <summary><c>/api/activities</c>: calls, meetings, notes and e-mails logged on accounts, validated by <see cref="ActivityRules"/>.</summary>
internal static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivities(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Activities");
        activities.MapGet("/", List)
            .WithName("ListActivities")
            .WithSummary("Activities, newest first, optionally of one account, deal, contact or kind")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        activities.MapPost("/", Create)
            .WithName("CreateActivity")
            .WithSummary("Log an activity on an account")
            .Accepts<ActivityBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        activities.MapPut("/{id}", Replace)
            .WithName("ReplaceActivity")
            .WithSummary("Replace an activity's fields (a captured one keeps its source and external id)")
            .Accepts<ActivityBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        activities.MapDelete("/{id}", Delete)
            .WithName("DeleteActivity")
            .WithSummary("Delete an activity")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<ActivitiesResponse> List(
        [FromQuery(Name = "account_id"), Description("Only activities of this account.")] string? accountId,
        [FromQuery(Name = "deal_id"), Description("Only activities of this deal.")] string? dealId,
        [FromQuery(Name = "contact_id"), Description("Only activities with this contact.")] string? contactId,
        [Description("Only this kind: email, call, meeting or note.")] string? kind,
        [Description("At most this many (the newest).")] string? limit,
        LedgerStores stores)
    {
        ActivityKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            only = ActivityKinds.Parse(kind) ?? throw ApiException.BadRequest("kind", $"expected email, call, meeting or note, found '{kind}'");
        }

        var take = int.MaxValue;
        if (!string.IsNullOrEmpty(limit) && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take >= 1))
        {
            throw ApiException.BadRequest("limit", $"expected a whole number of at least 1, found '{limit}'");
        }

        using var store = stores.Open();
        var view = CrmRequests.View(stores, store);
        var activities = view.Activities(Empty(accountId), Empty(dealId), Empty(contactId), only).Take(take);
        return TypedResults.Ok(new ActivitiesResponse([.. activities.Select(view.Activity)]));
    }

    private static Created<ActivityDto> Create(ActivityBody body, LedgerStores stores, TimeProvider clock)
    {
        using var store = stores.Open();
        var now = clock.GetUtcNow();
        var (activity, outcome) = CrmRequests.Create(body.ActivityId, NewIds.Activity, id => Validate(body.Fields(id), now, store), a => store.Crm.SaveActivity(a, WriteMode.Create));
        Check(outcome, activity);
        return TypedResults.Created(CrmRequests.Location("activities", activity.Id.Value), CrmRequests.View(stores, store).Activity(activity));
    }

    private static Ok<ActivityDto> Replace(string id, ActivityBody body, LedgerStores stores, TimeProvider clock)
    {
        using var store = stores.Open();
        var stored = store.Crm.FindActivity(new ActivityId(id)) ?? throw NotFound(id);
        if (!string.IsNullOrEmpty(body.ActivityId) && body.ActivityId != id)
        {
            throw CrmRequests.Unprocessable("activity_id", $"must match the id in the path ('{id}'), found '{body.ActivityId}'");
        }

        var edited = Validate(body.Fields(id, CrmView.Timestamp(stored.At)), clock.GetUtcNow(), store) with { Source = stored.Source, ExternalId = stored.ExternalId };
        Check(store.Crm.SaveActivity(edited, WriteMode.Replace), edited);
        return TypedResults.Ok(CrmRequests.View(stores, store).Activity(edited));
    }

    private static NoContent Delete(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        return store.Crm.DeleteActivity(new ActivityId(id)) == WriteOutcome.Done ? TypedResults.NoContent() : throw NotFound(id);
    }

    private static Activity Validate(ActivityFields fields, DateTimeOffset now, ILedgerStore store)
    {
        var problems = new List<FieldProblem>();
        var lookups = new CrmLookups(
            id => CrmRequests.AccountKnown(store, id),
            id => store.Crm.FindContact(new ContactId(id)),
            id => store.Crm.FindDeal(new DealId(id)));
        var activity = ActivityRules.Validate(fields, now, lookups, problems);
        CrmRequests.ThrowIfAny(problems);
        return activity!;
    }

    private static void Check(WriteOutcome outcome, Activity activity)
    {
        switch (outcome)
        {
            case WriteOutcome.Done:
                return;
            case WriteOutcome.AlreadyExists:
                throw ApiException.Conflict("activity_id", $"an activity with id '{activity.Id}' already exists; PUT /api/activities/{activity.Id} changes it");
            case WriteOutcome.NotFound:
                throw NotFound(activity.Id.Value);
            case WriteOutcome.UnknownCustomer:
                throw CrmRequests.Unprocessable("account_id", $"unknown account '{activity.AccountId}' (it was deleted meanwhile)");
            case WriteOutcome.Conflict:
                throw ApiException.Conflict("external_id", $"another activity has the external id '{activity.ExternalId}'");
            default:
                throw Customers.CustomersApi.Unexpected(outcome);
        }
    }

    private static ApiException NotFound(string id) => ApiException.NotFound("id", $"no activity with id '{id}'");

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
