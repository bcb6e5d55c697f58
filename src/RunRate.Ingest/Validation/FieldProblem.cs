namespace RunRate.Ingest.Validation;

/// <summary>One broken rule of one field: the column (or JSON property) name and what was expected and found.</summary>
public sealed record FieldProblem(string Field, string Message);
