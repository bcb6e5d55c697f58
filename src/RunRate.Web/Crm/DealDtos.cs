using System.ComponentModel;
using System.Globalization;
using RunRate.Ingest.Crm;
using RunRate.Web.Lines;

namespace RunRate.Web.Crm;

/// <summary>A deal as the API accepts it (POST creates, PUT replaces; stage changes append to the history).</summary>
internal sealed record DealBody(
    [property: Description("POST: optional, a new \"dl_…\" id when absent; PUT: from the path.")] string? DealId,
    [property: Description("The account (ledger customer).")] string? AccountId,
    string? Title,
    [property: Description("A stage key of the pipeline; default: the first open stage (POST) or the stored stage (PUT).")] string? Stage,
    [property: Description("The ARR the deal adds, 0 or more (a JSON number, kept exactly).")] decimal? Arr,
    [property: Description("ISO 4217 code.")] string? Currency,
    [property: Description("new_business, expansion, cross_sell or renewal.")] string? Kind,
    [property: Description("YYYY-MM-DD; once closed, the close day.")] string? ExpectedClose,
    string? Owner,
    [property: Description("Source channel, e.g. outbound, inbound, partner.")] string? Channel,
    [property: Description("Required in the lost stage, refused elsewhere.")] string? LostReason,
    [property: Description("YYYY-MM-DD the deal entered the pipeline; default today (POST) or the stored day (PUT).")] string? Created)
{
    public DealFields Fields(string id, string? defaultStage = null, string? defaultCreated = null) => new(
        id,
        AccountId,
        Title,
        Stage ?? defaultStage,
        Arr?.ToString(CultureInfo.InvariantCulture),
        Currency,
        Kind,
        ExpectedClose,
        Owner,
        Channel,
        LostReason,
        Created ?? defaultCreated);
}

/// <summary>The body of <c>POST /api/deals/{id}/stage</c>: a move on the board.</summary>
internal sealed record StageMoveBody(
    [property: Description("The stage key to move to.")] string? Stage,
    [property: Description("YYYY-MM-DD the deal entered the stage; default today; not before its last move, not after today.")] string? On,
    [property: Description("Required when moving to the lost stage.")] string? LostReason);

/// <summary>The body of <c>POST /api/deals/{id}/lines</c>.</summary>
internal sealed record DealLinesBody([property: Description("Revenue lines (as POST /api/lines) for the deal's account; all are written or none.")] IReadOnlyList<LineBody>? Lines);

/// <summary>A deal entering a stage.</summary>
internal sealed record StageChangeDto(string Stage, string On);

/// <summary>A stored deal with what the board shows about it.</summary>
internal sealed record DealDto(
    string DealId,
    string AccountId,
    string? AccountName,
    string Title,
    string Stage,
    string? StageName,
    decimal Probability,
    string Outcome,
    decimal Arr,
    string Currency,
    [property: Description("ARR × the stage's probability, rounded to cents, in the deal's currency.")] decimal WeightedArr,
    string Kind,
    string ExpectedClose,
    string? Owner,
    string? Channel,
    string? LostReason,
    string Created,
    [property: Description("The day the deal entered its won or lost stage; null while open.")] string? ClosedOn,
    IReadOnlyList<StageChangeDto> History,
    [property: Description("Ledger lines created from the deal.")] IReadOnlyList<string> LineIds);

/// <summary><c>GET /api/deals</c>.</summary>
internal sealed record DealsResponse(IReadOnlyList<DealDto> Deals);

/// <summary>Lines proposed for, or created from, a won deal.</summary>
internal sealed record DealLinesResponse(IReadOnlyList<LineDto> Lines);
