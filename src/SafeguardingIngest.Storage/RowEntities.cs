using System.Globalization;
using Azure.Data.Tables;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage;

/// <summary>
/// The rows of a return in the Observations table: {agency}|{load}|O|{indicator}|{locality} for a
/// figure, A|n an action, R|n a risk, W|n a query, V|n the load's figures packed for the next quarter's
/// check on change. One key range holds exactly one load's rows.
/// </summary>
internal static class RowEntities
{
    // Text properties stay under the 32,767-character limit of a string property.
    private const int MaxTextLength = 30_000;

    /// <summary>The key prefix of every row of one load.</summary>
    public static string Prefix(string agency, string loadId) => TableKey.Join(agency, loadId) + TableKey.Separator;

    /// <summary>The prefix (agency and load) of a row key, or null when the key has no such prefix.</summary>
    public static string? PrefixOf(string rowKey)
    {
        var first = rowKey.IndexOf(TableKey.Separator, StringComparison.Ordinal);
        var second = first < 0 ? -1 : rowKey.IndexOf(TableKey.Separator, first + 1);
        return second < 0 ? null : rowKey[..(second + 1)];
    }

    /// <summary>The part of an observation's row key, after its load's prefix, that says it is one.</summary>
    public const string ObservationKind = "O";

    /// <summary>The part of a packed-figures row's key, after its load's prefix, that says it is one.</summary>
    public const string ValuesKind = "V";

    /// <summary>The table row of one observation (the benchmark writes exactly the same rows).</summary>
    public static TableEntity Observation(string partition, string loadId, string submissionId, Observation o) =>
        new(partition, TableKey.Join(o.Agency, loadId, ObservationKind, o.Indicator, o.Locality))
        {
            ["Kind"] = "observation",
            ["Agency"] = o.Agency,
            ["SubmissionId"] = submissionId,
            ["Indicator"] = o.Indicator,
            ["Locality"] = o.Locality,
            ["Unit"] = o.Unit.ToString(),
            ["Numerator"] = o.Numerator,
            ["Denominator"] = o.Denominator,
            ["Value"] = o.Value,
            ["Commentary"] = Clip(o.Commentary),
            ["Source"] = o.Source,
        };

    public static TableEntity Action(
        string partition,
        string agency,
        string loadId,
        string submissionId,
        ActionItem a,
        int index) =>
        new(partition, TableKey.Join(agency, loadId, "A", Index(index)))
        {
            ["Kind"] = "action",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Reference"] = a.Reference,
            ["Description"] = Clip(a.Description),
            ["Rag"] = a.Rag.ToString(),
            ["Commentary"] = Clip(a.Commentary),
            ["RecoveryActions"] = Clip(a.RecoveryActions),
            ["Source"] = a.Source,
        };

    public static TableEntity Risk(
        string partition,
        string agency,
        string loadId,
        string submissionId,
        RiskItem r,
        int index) =>
        new(partition, TableKey.Join(agency, loadId, "R", Index(index)))
        {
            ["Kind"] = "risk",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Reference"] = r.Reference,
            ["Description"] = Clip(r.Description),
            ["Impact"] = r.Impact,
            ["Likelihood"] = r.Likelihood,
            ["Mitigation"] = Clip(r.Mitigation),
            ["Owner"] = Clip(r.Owner),
            ["Due"] = Clip(r.Due),
            ["Source"] = r.Source,
        };

    public static TableEntity Query(
        string partition,
        string agency,
        string loadId,
        string submissionId,
        Finding q,
        int index) =>
        new(partition, TableKey.Join(agency, loadId, "W", Index(index)))
        {
            ["Kind"] = "query",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Code"] = q.Code,
            ["Sheet"] = q.Sheet,
            ["Cell"] = q.Cell,
            ["Value"] = Clip(q.Value),
            ["Message"] = Clip(q.Message),
        };

    /// <summary>The row holding the <paramref name="index"/>th chunk of a load's packed figures.</summary>
    public static TableEntity Values(
        string partition, string agency, string loadId, string submissionId, byte[] chunk, int index) =>
        new(partition, TableKey.Join(agency, loadId, ValuesKind, Index(index)))
        {
            ["Kind"] = "values",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Values"] = chunk,
        };

    /// <summary>The kind letter of a row (O, A, R, W or V) after its prefix.</summary>
    public static char KindOf(string rowKey, string prefix) =>
        rowKey.Length > prefix.Length ? rowKey[prefix.Length] : '\0';

    /// <summary>
    /// The observation a row holds, for <paramref name="agency"/>; its codes and source cell go through
    /// <paramref name="name"/>, so a read can hold one copy of each however many rows repeat it.
    /// </summary>
    public static Observation ToObservation(
        ReportingPeriod period, string agency, TableEntity e, Func<string, string> name) => new(
        period,
        agency,
        name(e.GetString("Indicator")),
        name(e.GetString("Locality")),
        e.GetDouble("Numerator") ?? 0,
        e.GetDouble("Denominator"),
        e.GetDouble("Value") ?? 0,
        Enum.Parse<IndicatorUnit>(e.GetString("Unit")),
        e.GetString("Commentary"),
        name(e.GetString("Source")));

    public static AgencyItem<ActionItem> ToAction(string agency, TableEntity e) => new(agency, new ActionItem(
        e.GetString("Reference") ?? string.Empty, e.GetString("Description"), Enum.Parse<Rag>(e.GetString("Rag")),
        e.GetString("Commentary"), e.GetString("RecoveryActions"), e.GetString("Source") ?? string.Empty));

    public static AgencyItem<RiskItem> ToRisk(string agency, TableEntity e) => new(agency, new RiskItem(
        e.GetString("Reference") ?? string.Empty, e.GetString("Description"), e.GetInt32("Impact") ?? 0,
        e.GetInt32("Likelihood") ?? 0,
        e.GetString("Mitigation"), e.GetString("Owner"), e.GetString("Due"), e.GetString("Source") ?? string.Empty));

    /// <summary>The query a row holds, raised on <paramref name="submissionId"/> (the load's submission).</summary>
    public static AgencyQuery ToQuery(string agency, string submissionId, TableEntity e)
    {
        var code = e.GetString("Code");
        var rule = Rules.All.FirstOrDefault(r => r.Code == code);
        return new AgencyQuery(agency, submissionId, new Finding(
            code, rule?.Severity ?? Severity.Warning, e.GetString("Sheet"), e.GetString("Cell"), e.GetString("Value"),
            e.GetString("Message")));
    }

    private static string Index(int index) => index.ToString("0000", CultureInfo.InvariantCulture);

    private static string? Clip(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
