namespace RunRate.Engine.Crm;

/// <summary>A contact's id (case-sensitive, never empty).</summary>
public readonly record struct ContactId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A deal's id (case-sensitive, never empty).</summary>
public readonly record struct DealId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>An activity's id (case-sensitive, never empty).</summary>
public readonly record struct ActivityId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
