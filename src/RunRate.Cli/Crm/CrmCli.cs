using System.Globalization;
using System.Text.Json;
using RunRate.Cli.Common;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Crm;

namespace RunRate.Cli.Crm;

/// <summary>
/// What the CRM commands share: the store, the API's views (so <c>--json</c> prints exactly what the API
/// answers), broken rules reported under the option that carried the value, and store outcomes as exit codes.
/// </summary>
internal static class CrmCli
{
    public static ILedgerStore Open(CliContext context, string? db) => LedgerAccess.Open(context, db, create: false);

    public static CrmView View(ILedgerStore store) => new(store.Load(), store.Crm.Load(), store.Crm);

    /// <summary>An account named by <c>--account</c> must be a stored customer (exit 3 otherwise).</summary>
    public static void RequireAccount(ILedgerStore store, string? id, string option = "--account")
    {
        if (id is not null && store.FindCustomer(new CustomerId(id.Trim())) is null)
        {
            throw new CliException($"{option}: no customer with id '{id}' in the store (accounts are the ledger's customers)", ExitCodes.NotFound);
        }
    }

    /// <summary>Broken rules as one invalid-data error (exit 2), each line naming the option: <c>--email: expected …</c>.</summary>
    public static void ThrowIfAny(List<FieldProblem> problems, IReadOnlyDictionary<string, string> options)
    {
        if (problems.Count > 0)
        {
            var lines = problems.Select(p => $"{(options.TryGetValue(p.Field, out var option) ? option : p.Field)}: {p.Message}");
            throw new CliException(string.Join(Environment.NewLine, lines), ExitCodes.InvalidData);
        }
    }

    /// <summary>A refused write: exit 2 for a conflict with stored data, 3 when what it refers to disappeared meanwhile.</summary>
    public static CliException Refused(string message, WriteOutcome outcome) =>
        new(message, outcome is WriteOutcome.NotFound or WriteOutcome.UnknownCustomer ? ExitCodes.NotFound : ExitCodes.InvalidData);

    /// <summary>One JSON document on machine output, serialized like the API's responses.</summary>
    public static void Json<T>(CliContext context, T value)
    {
        context.Output.Write(JsonSerializer.Serialize(value, CrmRequests.Json));
        context.Output.Write('\n');
        context.Output.Flush();
    }

    public static string Money(decimal value) => CrmView.Cents(value).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
