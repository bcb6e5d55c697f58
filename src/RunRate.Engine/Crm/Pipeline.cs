using System.Collections.Immutable;

namespace RunRate.Engine.Crm;

/// <summary>Whether a stage keeps a deal open or closes it.</summary>
public enum StageOutcome
{
    /// <summary>The deal is still being worked.</summary>
    Open,

    /// <summary>Closed won: the deal's ARR is booked.</summary>
    Won,

    /// <summary>Closed lost.</summary>
    Lost,
}

/// <summary>One column of the pipeline board.</summary>
/// <param name="Key">Stable key stored on deals, e.g. "proposal".</param>
/// <param name="Name">Display name.</param>
/// <param name="Probability">Win probability 0..1 that weights the stage's ARR.</param>
/// <param name="Outcome">Open, won or lost.</param>
public sealed record PipelineStage(string Key, string Name, decimal Probability, StageOutcome Outcome);

/// <summary>
/// The ordered stages a deal moves through. Open stages come first in funnel order; exactly one won
/// and one lost stage close deals. Order matters: conversion is measured from each open stage to the next.
/// </summary>
public sealed class Pipeline
{
    /// <summary>Builds a pipeline; throws <see cref="ArgumentException"/> when the stages break the rules in <see cref="Problems"/>.</summary>
    public Pipeline(IEnumerable<PipelineStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Stages = [.. stages];
        var problems = Problems(Stages);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(stages));
        }
    }

    /// <summary>lead, qualified, proposal, negotiation, won, lost with the usual win probabilities.</summary>
    public static Pipeline Default { get; } = new(
    [
        new("lead", "Lead", 0.10m, StageOutcome.Open),
        new("qualified", "Qualified", 0.25m, StageOutcome.Open),
        new("proposal", "Proposal", 0.50m, StageOutcome.Open),
        new("negotiation", "Negotiation", 0.75m, StageOutcome.Open),
        new("won", "Won", 1m, StageOutcome.Won),
        new("lost", "Lost", 0m, StageOutcome.Lost),
    ]);

    /// <summary>The stages in board order.</summary>
    public ImmutableArray<PipelineStage> Stages { get; }

    /// <summary>The open stages in funnel order.</summary>
    public IEnumerable<PipelineStage> OpenStages => Stages.Where(s => s.Outcome == StageOutcome.Open);

    /// <summary>The stage that closes a deal as won.</summary>
    public PipelineStage Won => Stages.Single(s => s.Outcome == StageOutcome.Won);

    /// <summary>The stage that closes a deal as lost.</summary>
    public PipelineStage Lost => Stages.Single(s => s.Outcome == StageOutcome.Lost);

    /// <summary>The stage with that key, or null.</summary>
    public PipelineStage? Find(string key) => Stages.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    /// <summary>The stage's position on the board, or -1.</summary>
    public int IndexOf(string key) => Stages.IndexOf(Find(key)!);

    /// <summary>What is wrong with a list of stages, one message each; empty when it is a valid pipeline.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PipelineStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (string.IsNullOrWhiteSpace(stage.Key) || !stage.Key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                problems.Add($"stage {i + 1}: key '{stage.Key}' must be letters, digits, '_' or '-'");
            }
            else if (!seen.Add(stage.Key))
            {
                problems.Add($"stage {i + 1}: key '{stage.Key}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                problems.Add($"stage {i + 1}: name is required");
            }

            if (stage.Probability is < 0m or > 1m)
            {
                problems.Add($"stage {i + 1}: probability {stage.Probability} must be between 0 and 1");
            }
        }

        if (stages.Count(s => s.Outcome == StageOutcome.Won) != 1 || stages.Count(s => s.Outcome == StageOutcome.Lost) != 1)
        {
            problems.Add("a pipeline needs exactly one won stage and one lost stage");
        }

        if (!stages.Any(s => s.Outcome == StageOutcome.Open))
        {
            problems.Add("a pipeline needs at least one open stage");
        }

        var firstClosed = stages.ToList().FindIndex(s => s.Outcome != StageOutcome.Open);
        if (firstClosed >= 0 && stages.Skip(firstClosed).Any(s => s.Outcome == StageOutcome.Open))
        {
            problems.Add("open stages must come before the won and lost stages");
        }

        return problems;
    }
}
