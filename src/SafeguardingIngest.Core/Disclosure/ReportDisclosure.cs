namespace SafeguardingIngest.Disclosure;

/// <summary>What the performance team's outputs (the workbook and the JSON) say of themselves.</summary>
public static class ReportDisclosure
{
    /// <summary>The warning both carry: they show every figure, small counts included.</summary>
    public const string NotForPublication =
        "Not for publication: every figure is shown as it is, small counts included. Publish " +
        "consolidated-return.html or observations.csv, which hide small counts and whatever would reveal them " +
        "(docs/disclosure.md).";
}
