namespace RunRate.Engine.Movements;

/// <summary>The five ways a customer's MRR can change from one day to the next.</summary>
public enum MovementType
{
    /// <summary>From 0 to positive, never active before.</summary>
    New,

    /// <summary>Positive to a larger positive MRR.</summary>
    Expansion,

    /// <summary>Positive to a smaller positive MRR.</summary>
    Contraction,

    /// <summary>Positive to 0.</summary>
    Churn,

    /// <summary>From 0 to positive, active at some earlier day.</summary>
    Reactivation,
}

/// <summary>Classification rules and spellings of movements.</summary>
public static class MovementRules
{
    /// <summary>
    /// Classifies a change of a customer's MRR from <paramref name="before"/> (day d−1) to
    /// <paramref name="after"/> (day d); null when there is no change.
    /// </summary>
    public static MovementType? Classify<T>(T before, T after, bool everActive)
        where T : System.Numerics.INumber<T>
    {
        if (after == before)
        {
            return null;
        }

        if (T.IsZero(before))
        {
            return everActive ? MovementType.Reactivation : MovementType.New;
        }

        if (T.IsZero(after))
        {
            return MovementType.Churn;
        }

        return after > before ? MovementType.Expansion : MovementType.Contraction;
    }

    /// <summary>The report spelling: new, expansion, contraction, churn, reactivation.</summary>
    public static string ToText(this MovementType type) => type switch
    {
        MovementType.New => "new",
        MovementType.Expansion => "expansion",
        MovementType.Contraction => "contraction",
        MovementType.Churn => "churn",
        MovementType.Reactivation => "reactivation",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
