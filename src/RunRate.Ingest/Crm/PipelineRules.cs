using RunRate.Engine.Crm;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>One stage of a pipeline as an API request carries it.</summary>
public sealed record StageFields(string? Key, string? Name, string? Probability, string? Outcome);

/// <summary>
/// The rules of a pipeline: each stage parses (probability a decimal, outcome open, won or lost), then the
/// pipeline's own rules (<see cref="Pipeline.Problems"/>: unique keys, one won and one lost stage after the
/// open ones). Whether deals still sit in a stage that disappears is the store's to check.
/// </summary>
public static class PipelineRules
{
    /// <summary>Validates and returns the pipeline, or null with every problem added (fields <c>stages[i].key</c> or <c>stages</c>).</summary>
    public static Pipeline? Validate(IReadOnlyList<StageFields> stages, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var parsed = new List<PipelineStage>();
        for (var i = 0; i < stages.Count; i++)
        {
            var field = $"stages[{i}].";
            var stage = stages[i];
            var probability = 0m;
            var probabilityText = stage.Probability?.Trim() ?? "";
            var error = Csv.FieldParser.Decimal(probabilityText, out probability);
            if (error is not null)
            {
                problems.Add(new(field + "probability", error));
            }

            var outcomeText = CrmText.Optional(stage.Outcome);
            StageOutcome? outcome = outcomeText?.ToLowerInvariant() switch
            {
                "open" => StageOutcome.Open,
                "won" => StageOutcome.Won,
                "lost" => StageOutcome.Lost,
                _ => null,
            };
            if (outcome is null)
            {
                problems.Add(new(field + "outcome", $"expected open, won or lost, found '{CrmText.Shorten(outcomeText ?? "")}'"));
            }

            parsed.Add(new PipelineStage(stage.Key?.Trim() ?? "", stage.Name?.Trim() ?? "", probability, outcome ?? StageOutcome.Open));
        }

        if (problems.Count > before)
        {
            return null;
        }

        foreach (var problem in Pipeline.Problems(parsed))
        {
            problems.Add(new("stages", problem));
        }

        return problems.Count > before ? null : new Pipeline(parsed);
    }
}
