namespace SafeguardingIngest.Storage.Tests;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("NI 65")]
    [InlineData("A/B#C?D\\E")]
    [InlineData("100%|pipe")]
    [InlineData("tab\there")]
    [InlineData("")]
    public void Join_ThenSplit_RoundTripsAnyCode(string code)
    {
        var key = TableKey.Join("POL", code, "ALL");

        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.Equal(["POL", code, "ALL"], TableKey.Split(key));
    }

    [Fact]
    public void After_BoundsAPrefixRange()
    {
        var prefix = TableKey.Join("POL", "abc") + TableKey.Separator;
        var inside = TableKey.Join("POL", "abc", "O", "NI 32", "ALL");
        var outside = TableKey.Join("POL", "abd");

        Assert.True(string.CompareOrdinal(inside, TableKey.After(prefix)) < 0);
        Assert.True(string.CompareOrdinal(inside, prefix) >= 0);
        Assert.True(string.CompareOrdinal(outside, TableKey.After(prefix)) >= 0);
    }
}
