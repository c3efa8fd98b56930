namespace SafeguardingIngest.Returns;

/// <summary>Red, Amber, Green: the partnership's rating of risk to delivery (Key A of the delivery plan).</summary>
public enum Rag
{
    /// <summary>High risk the target will not be achieved by year end.</summary>
    Red,

    /// <summary>Concern, or on track with no confidence it will stay so.</summary>
    Amber,

    /// <summary>On track.</summary>
    Green,
}
