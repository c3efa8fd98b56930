using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

public class FindingCollectorTests
{
    [Fact]
    public void AddAt_EarlierPlace_KeepsTheFindingsInTheOrderFound()
    {
        var findings = new FindingCollector(10);
        findings.Add(Warning("A1"));
        findings.Add(Warning("A3"));

        findings.AddAt(1, Warning("A2"));

        Assert.Equal(["A1", "A2", "A3"], findings.Findings.Select(f => f.Cell));
        Assert.Equal(3, findings.WarningCount);
        Assert.Equal(0, findings.NotShown);
    }

    [Fact]
    public void AddAt_IntoAFullList_DropsTheLastKeptAndCountsIt()
    {
        var findings = new FindingCollector(2);
        findings.Add(Warning("A1"));
        findings.Add(Warning("A3"));
        findings.Add(Warning("A4"));

        findings.AddAt(1, Warning("A2"));

        Assert.Equal(["A1", "A2"], findings.Findings.Select(f => f.Cell));
        Assert.Equal(4, findings.WarningCount);
        Assert.Equal(2, findings.NotShown);
    }

    [Fact]
    public void AddAt_PlacePastTheLimit_IsCountedAndNotKept()
    {
        var findings = new FindingCollector(2);
        findings.Add(Warning("A1"));
        findings.Add(Warning("A2"));

        findings.AddAt(2, Warning("A3"));
        findings.AddAt(3, Warning("A4"));

        Assert.Equal(["A1", "A2"], findings.Findings.Select(f => f.Cell));
        Assert.Equal(4, findings.WarningCount);
        Assert.Equal(2, findings.NotShown);
    }

    private static Finding Warning(string cell) =>
        Finding.Of(Rules.ValueLargeChange, "Indicators", cell, "1", $"the figure in {cell} changed");
}
