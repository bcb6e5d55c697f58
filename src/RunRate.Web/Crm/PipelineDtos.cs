using System.ComponentModel;

namespace RunRate.Web.Crm;

/// <summary>One stage as <c>PUT /api/pipeline/stages</c> accepts it.</summary>
internal sealed record StageBody(
    [property: Description("Stable key stored on deals: letters, digits, '_' or '-'.")] string? Key,
    string? Name,
    [property: Description("Win probability from 0 to 1 (a JSON number).")] decimal? Probability,
    [property: Description("open, won or lost; open stages first, exactly one won and one lost.")] string? Outcome);

/// <summary>The body of <c>PUT /api/pipeline/stages</c>.</summary>
internal sealed record PipelineStagesBody(IReadOnlyList<StageBody>? Stages);

/// <summary>A stage of the pipeline.</summary>
internal sealed record StageDto(string Key, string Name, decimal Probability, string Outcome);

/// <summary>The stages of the pipeline, in board order.</summary>
internal sealed record PipelineStagesResponse(IReadOnlyList<StageDto> Stages);

/// <summary>A column of the board with its deals counted and summed in the reporting currency.</summary>
internal sealed record PipelineColumnDto(string Key, string Name, decimal Probability, string Outcome, int Deals, decimal Arr, decimal WeightedArr);

/// <summary><c>GET /api/pipeline</c>.</summary>
internal sealed record PipelineResponse(string Currency, IReadOnlyList<PipelineColumnDto> Stages, IReadOnlyList<DealDto> Deals);
