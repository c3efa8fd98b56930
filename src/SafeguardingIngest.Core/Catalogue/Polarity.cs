namespace SafeguardingIngest.Catalogue;

/// <summary>Which way is better for an indicator.</summary>
public enum Polarity
{
    /// <summary>"A reduction in": lower values are better.</summary>
    LowerIsBetter,

    /// <summary>"An increase in": higher values are better.</summary>
    HigherIsBetter,

    /// <summary>Tracked for direction only; neither way is better.</summary>
    None,
}
