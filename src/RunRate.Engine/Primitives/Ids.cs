namespace RunRate.Engine.Primitives;

/// <summary>A customer's id as the ledger gives it (case-sensitive, never empty).</summary>
public readonly record struct CustomerId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A revenue line's id as the ledger gives it (case-sensitive, never empty).</summary>
public readonly record struct LineId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
