using System.Text.Json;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Customers;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Crm;

/// <summary>What every CRM handler needs: today, the view of the store, broken rules as 422, and creates with generated ids.</summary>
internal static class CrmRequests
{
    /// <summary>The API's JSON settings, for the CLI's <c>--json</c> of the same records.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static CrmView View(LedgerStores stores, ILedgerStore store) => new(stores.Snapshot(store).Ledger, store.Crm.Load(), store.Crm);

    public static bool AccountKnown(ILedgerStore store, string id) => store.FindCustomer(new CustomerId(id)) is not null;

    /// <summary>Throws the 422 of a list of broken rules, each under its field.</summary>
    public static void ThrowIfAny(List<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw ApiException.Unprocessable(CustomersApi.Errors(problems));
        }
    }

    public static ApiException Unprocessable(string field, string message) => ApiException.Unprocessable(ApiException.Single(field, message));

    /// <summary>
    /// Creates a record whose id may be generated: a generated id that happens to be taken is drawn again
    /// (a few times), while a taken id the client chose is the client's conflict.
    /// </summary>
    public static (T Record, WriteOutcome Outcome) Create<T>(string? givenId, Func<string> newId, Func<string, T> build, Func<T, WriteOutcome> save)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = build(givenId ?? newId());
            var outcome = save(record);
            if (outcome != WriteOutcome.AlreadyExists || givenId is not null || attempt == 3)
            {
                return (record, outcome);
            }
        }
    }

    public static string Location(string collection, string id) => $"/api/{collection}/{Uri.EscapeDataString(id)}";

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        RunRateWebApp.Configure(json);
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }
}
