using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>
/// A deal's fields as an API request or the CLI carries them: text, so that both are parsed by the same
/// strict rules as a ledger row (null or empty for absent values; the API passes numbers in invariant form).
/// </summary>
public sealed record DealFields(
    string DealId,
    string? AccountId,
    string? Title,
    string? Stage,
    string? Arr,
    string? Currency,
    string? Kind,
    string? ExpectedClose,
    string? Owner,
    string? Channel,
    string? LostReason,
    string? Created);

/// <summary>
/// The rules of a deal, shared by the API and the CLI: a stored account, a title, an ARR of 0 or more in a
/// known ISO 4217 currency, a kind, strict dates (expected close not before creation), a stage of the
/// pipeline, and a lost reason exactly when the stage is the lost one (a loss without a reason teaches
/// nothing; a reason on an open deal is stale). Stage moves go through <see cref="Move"/>, so the history
/// analytics read is kept the same way everywhere.
/// </summary>
public static class DealRules
{
    /// <summary>
    /// Validates a new deal (or the new state of a stored one) and returns it with a history of one entry,
    /// its stage on its creation day; null with every problem added. Empty stage means the first open stage,
    /// empty created means <paramref name="today"/>.
    /// </summary>
    public static Deal? Validate(DealFields fields, Pipeline pipeline, DateOnly today, Func<string, bool> accountKnown, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(accountKnown);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var id = CrmText.Required(fields.DealId, "deal_id", problems);
        var account = CrmText.Required(fields.AccountId, "account_id", problems);
        if (account is not null && !accountKnown(account))
        {
            problems.Add(new("account_id", $"unknown account '{CrmText.Shorten(account)}': accounts are the ledger's customers"));
        }

        var title = CrmText.Required(fields.Title, "title", problems);
        var stage = Stage(fields.Stage, pipeline, "stage", problems) ?? (CrmText.Optional(fields.Stage) is null ? pipeline.OpenStages.First() : null);
        var arr = CrmText.NonNegative(fields.Arr, "arr", "the ARR the deal adds", problems);
        var currency = CrmText.Currency(fields.Currency, "currency", problems);
        var kindText = CrmText.Optional(fields.Kind);
        var kind = DealKinds.Parse(kindText);
        if (kind is null)
        {
            problems.Add(new("kind", kindText is null
                ? "is required: new_business, expansion, cross_sell or renewal"
                : $"expected new_business, expansion, cross_sell or renewal, found '{CrmText.Shorten(kindText)}'"));
        }

        var expectedClose = CrmText.Date(fields.ExpectedClose, "expected_close", null, problems);
        var created = CrmText.Date(fields.Created, "created", today, problems);
        if (expectedClose is { } close && created is { } start && close < start)
        {
            problems.Add(new("expected_close", $"must not be before created ({start:yyyy-MM-dd}), found {close:yyyy-MM-dd}"));
        }

        var lostReason = LostReason(stage, fields.LostReason, pipeline, problems);
        if (problems.Count > before)
        {
            return null;
        }

        return new Deal(
            new DealId(id!),
            new CustomerId(account!),
            title!,
            stage!.Key,
            arr!.Value,
            currency!.Value,
            kind!.Value,
            expectedClose!.Value,
            CrmText.Optional(fields.Owner),
            CrmText.Optional(fields.Channel),
            lostReason,
            created!.Value,
            [new StageChange(stage.Key, created.Value)]);
    }

    /// <summary>
    /// The stored deal edited to <paramref name="edited"/> (validated by <see cref="Validate"/>): the history
    /// is the stored one, with a change to the new stage on <paramref name="today"/> when the stage differs.
    /// </summary>
    public static Deal Edit(Deal stored, Deal edited, Pipeline pipeline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(edited);
        ArgumentNullException.ThrowIfNull(pipeline);
        var history = stored.History;
        if (history.Length > 0 && history[0].On == stored.Created && edited.Created != stored.Created)
        {
            // The first entry records the creation day: it moves with it.
            history = history.SetItem(0, history[0] with { On = edited.Created });
        }

        if (!string.Equals(edited.Stage, stored.Stage, StringComparison.Ordinal))
        {
            var on = history.Length > 0 && history[^1].On > today ? history[^1].On : today;
            history = history.Add(new StageChange(edited.Stage, on));
            if (pipeline.Find(edited.Stage)?.Outcome != StageOutcome.Open)
            {
                return edited with { History = history, ExpectedClose = on };
            }
        }

        return edited with { History = history };
    }

    /// <summary>
    /// Moves a deal to <paramref name="stage"/> on <paramref name="on"/> (empty: <paramref name="today"/>), appending
    /// the change to its history; null with problems when the move is not allowed. Moving to the stage it is in
    /// returns the same instance (nothing to write). Closing (won or lost) sets the expected close to the actual
    /// close day; leaving the lost stage drops the lost reason.
    /// </summary>
    public static Deal? Move(Deal deal, Pipeline pipeline, string? stage, string? on, string? lostReason, DateOnly today, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        if (CrmText.Optional(stage) is null)
        {
            problems.Add(new("stage", "is required: the key of the stage to move the deal to"));
            return null;
        }

        var target = Stage(stage, pipeline, "stage", problems);
        if (target is null)
        {
            return null;
        }

        if (string.Equals(target.Key, deal.Stage, StringComparison.Ordinal))
        {
            return deal;
        }

        var day = CrmText.Date(on, "on", today, problems);
        var last = deal.History.Length > 0 ? deal.History[^1].On : deal.Created;
        if (day is { } d && d > today)
        {
            problems.Add(new("on", $"must not be after today ({today:yyyy-MM-dd}), found {d:yyyy-MM-dd}"));
        }
        else if (day is { } e && (e < last || e < deal.Created))
        {
            var floor = last > deal.Created ? last : deal.Created;
            problems.Add(new("on", $"must not be before the deal's last stage change or creation ({floor:yyyy-MM-dd}), found {e:yyyy-MM-dd}"));
        }

        var reason = LostReason(target, lostReason, pipeline, problems);
        if (problems.Count > before)
        {
            return null;
        }

        var moved = deal with { Stage = target.Key, LostReason = reason, History = deal.History.Add(new StageChange(target.Key, day!.Value)) };
        return target.Outcome == StageOutcome.Open ? moved : moved with { ExpectedClose = day.Value };
    }

    private static PipelineStage? Stage(string? text, Pipeline pipeline, string field, ICollection<FieldProblem> problems)
    {
        var key = CrmText.Optional(text);
        if (key is null)
        {
            return null;
        }

        var stage = pipeline.Find(key);
        if (stage is null)
        {
            problems.Add(new(field, $"unknown stage '{CrmText.Shorten(key)}'; the pipeline's stages are {string.Join(", ", pipeline.Stages.Select(s => s.Key))}"));
        }

        return stage;
    }

    private static string? LostReason(PipelineStage? stage, string? text, Pipeline pipeline, ICollection<FieldProblem> problems)
    {
        var reason = CrmText.Optional(text);
        if (stage is null)
        {
            return reason;
        }

        if (stage.Outcome == StageOutcome.Lost && reason is null)
        {
            problems.Add(new("lost_reason", $"is required for a deal in the lost stage ('{stage.Key}'): why was it lost?"));
        }
        else if (stage.Outcome != StageOutcome.Lost && reason is not null)
        {
            problems.Add(new("lost_reason", $"only a deal in the lost stage ('{pipeline.Lost.Key}') has a lost reason; this one is in '{stage.Key}'"));
        }

        return reason;
    }
}
