using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Testing;

/// <summary>The sample partnership shipped in samples/partnership.json, and paths to committed fixtures.</summary>
public static class Samples
{
    private static readonly Lazy<Partnership> s_partnership = new(
        () => PartnershipReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "partnership.json")));

    public static Partnership Partnership => s_partnership.Value;

    public static ReportingPeriod Q2 { get; } = ReportingPeriod.Parse("2025-26 Q2");

    public static string PartnershipPath => Path.Combine(AppContext.BaseDirectory, "samples", "partnership.json");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>
    /// The sample reference data without its <c>geography</c>: a partnership that has not yet said where its area
    /// sits, whose csv leaves the geography codes empty.
    /// </summary>
    public static byte[] PartnershipWithoutGeography()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PartnershipPath))!.AsObject();
        if (!root.Remove("geography"))
        {
            throw new InvalidOperationException("The sample reference data declares no geography to take away.");
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>
    /// The sample reference data with DA03, a Police indicator the sample lacks: how a test fixes the
    /// reference data after a return was refused for an indicator the catalogue did not know.
    /// </summary>
    public static byte[] PartnershipWithDa03() =>
        System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(PartnershipPath).Replace(
        "\"indicators\": [",
        "\"indicators\": [ { \"code\": \"DA03\", \"title\": \"Domestic abuse notifications to schools\", "
        + "\"unit\": \"count\", \"polarity\": \"none\", \"agencies\": [\"POL\"] },",
        StringComparison.Ordinal));
}
