using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>The columns of each table in return template v1.</summary>
public enum ReturnColumn
{
    /// <summary>Indicators: indicator code or title.</summary>
    Indicator,

    /// <summary>Indicators: locality code or name; blank or All for the whole area.</summary>
    Locality,

    /// <summary>Indicators: numerator (or the count).</summary>
    Numerator,

    /// <summary>Indicators: denominator (or the population).</summary>
    Denominator,

    /// <summary>Indicators: the value, a cross-check where numerator and denominator are given.</summary>
    Value,

    /// <summary>Indicators, Actions: the agency's commentary.</summary>
    Commentary,

    /// <summary>Indicators: the indicator's title, shown for the reader; ignored.</summary>
    Title,

    /// <summary>Indicators: the indicator's unit, shown for the reader; ignored.</summary>
    Unit,

    /// <summary>Actions: action number.</summary>
    Action,

    /// <summary>Actions, Risks: description.</summary>
    Description,

    /// <summary>Actions: RAG self-assessment.</summary>
    Rag,

    /// <summary>Actions: actions to bring back on track where Amber or Red.</summary>
    RecoveryActions,

    /// <summary>Risks: risk number.</summary>
    Risk,

    /// <summary>Risks: impact 1–5.</summary>
    Impact,

    /// <summary>Risks: likelihood 1–5.</summary>
    Likelihood,

    /// <summary>Risks: mitigating actions.</summary>
    Mitigation,

    /// <summary>Risks: responsible officer.</summary>
    Owner,

    /// <summary>Risks: completion date.</summary>
    Due,
}

/// <summary>
/// Headings people write for each column, folded by <see cref="NameKey"/>: any case, spacing and
/// punctuation match.
/// </summary>
public static class ColumnAliases
{
    /// <summary>Indicators table headings.</summary>
    public static IReadOnlyDictionary<string, ReturnColumn> Indicators { get; } = Build(
        (ReturnColumn.Indicator,
            ["indicator", "indicatorcode", "indicatorid", "indicatorref", "code", "measure", "measurecode", "kpi",
                "kpicode", "pi", "picode", "nicode", "ref"]),
        (ReturnColumn.Locality,
            ["locality", "localitycode", "localityname", "area", "district", "geography", "localarea"]),
        (ReturnColumn.Numerator, ["numerator", "num", "numeratorcount", "n"]),
        (ReturnColumn.Denominator, ["denominator", "denom", "d", "base", "population", "denominatorpopulation"]),
        (ReturnColumn.Value,
            ["value", "result", "actual", "figure", "outturn", "performance", "percent", "percentage", "rate", "count",
                "total"]),
        (ReturnColumn.Commentary, ["commentary", "comment", "comments", "notes", "note", "narrative", "explanation"]),
        (ReturnColumn.Title,
            ["title", "indicatortitle", "indicatorname", "measurename", "description", "indicatordescription"]),
        (ReturnColumn.Unit, ["unit", "units", "measuretype", "type"]));

    /// <summary>Actions table headings.</summary>
    public static IReadOnlyDictionary<string, ReturnColumn> Actions { get; } = Build(
        (ReturnColumn.Action, ["action", "actionno", "actionnumber", "actionref", "ref", "reference", "no", "number"]),
        (ReturnColumn.Description, ["description", "actiondescription", "keyaction", "detail", "details"]),
        (ReturnColumn.Rag, ["rag", "ragrating", "ragstatus", "status", "rating"]),
        (ReturnColumn.Commentary, ["commentary", "comment", "comments", "progress", "update", "progressupdate"]),
        (ReturnColumn.RecoveryActions,
            ["recoveryactions", "recovery", "recoveryaction", "remedialactions", "actionstobringbackontrack",
                "actionstobringbackontrackwhereamberorred", "recoveryplan"]));

    /// <summary>Risks table headings.</summary>
    public static IReadOnlyDictionary<string, ReturnColumn> Risks { get; } = Build(
        (ReturnColumn.Risk, ["risk", "riskno", "risknumber", "riskref", "ref", "reference", "no"]),
        (ReturnColumn.Description, ["description", "riskdescription", "detail"]),
        (ReturnColumn.Impact, ["impact", "impactscore"]),
        (ReturnColumn.Likelihood, ["likelihood", "likelihoodscore", "probability"]),
        (ReturnColumn.Mitigation, ["mitigation", "mitigatingactions", "mitigatingaction", "mitigations", "controls"]),
        (ReturnColumn.Owner, ["owner", "responsibleofficer", "lead", "riskowner", "responsible"]),
        (ReturnColumn.Due, ["due", "duedate", "completiondate", "targetdate", "date"]));

    private static Dictionary<string, ReturnColumn> Build(params (ReturnColumn Column, string[] Names)[] columns)
    {
        var map = new Dictionary<string, ReturnColumn>(StringComparer.Ordinal);
        foreach (var (column, names) in columns)
        {
            foreach (var name in names)
            {
                map.Add(name, column);
            }
        }

        return map;
    }
}
