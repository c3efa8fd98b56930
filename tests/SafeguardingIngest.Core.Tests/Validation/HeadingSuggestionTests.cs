using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>The column suggested for a heading that names none (docs/validation-rules.md, "What is
/// tolerated").</summary>
public class HeadingSuggestionTests
{
    [Theory]
    // "numbr" is one substitution from "numer", the start of "numerator"; 5 letters allow 1 edit.
    [InlineData("Numbr", ReturnColumn.Numerator)]
    // Two letters swapped count as one edit.
    [InlineData("Vlaue", ReturnColumn.Value)]
    [InlineData("Commentry", ReturnColumn.Commentary)]
    [InlineData("Localty", ReturnColumn.Locality)]
    [InlineData("Denomintor", ReturnColumn.Denominator)]
    // Exact starts of a heading, shortened as people do.
    [InlineData("Ind", ReturnColumn.Indicator)]
    [InlineData("Denomin", ReturnColumn.Denominator)]
    public void For_MisspeltOrShortenedHeading_SuggestsItsColumn(string heading, ReturnColumn expected) =>
        Assert.Equal(expected, HeadingSuggestion.For(heading, ColumnAliases.Indicators));

    [Theory]
    [InlineData("RAG")]
    [InlineData("Date of return")]
    [InlineData("Team")]
    [InlineData("Target")]
    [InlineData("Baseline")]
    [InlineData("Age")]
    [InlineData("Gender")]
    [InlineData("Year")]
    [InlineData("Polarity")]
    [InlineData("Direction of travel")]
    [InlineData("Xq")]
    public void For_UnrelatedHeading_SuggestsNothing(string heading) =>
        Assert.Null(HeadingSuggestion.For(heading, ColumnAliases.Indicators));
}
