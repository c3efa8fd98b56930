using System.Globalization;
using System.Text.Json;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Reports;

/// <summary>consolidated-return.json: the same content as the workbook, for programs.</summary>
public static class JsonReport
{
    /// <summary>The file name.</summary>
    public const string FileName = "consolidated-return.json";

    private static void Revised(Utf8JsonWriter json, string name, FigureDecision figure)
    {
        json.WriteStartObject(name);
        json.WriteNumber("quantity", figure.Quantity);
        if (figure.Value is { } value && double.IsFinite(value))
        {
            json.WriteNumber("value", value);
        }

        json.WriteBoolean("published", !figure.Hidden);
        json.WriteEndObject();
    }

    /// <summary>Writes the document of a first release.</summary>
    public static byte[] Render(ConsolidatedReturn report) =>
        Render(report, ReleaseContext.First(ReleaseStatus.Published));

    /// <summary>Writes the document of <paramref name="release"/>, with its revisions.</summary>
    public static byte[] Render(ConsolidatedReturn report, ReleaseContext release)
    {
        using var buffer = new MemoryStream();
        // A memory stream completes every write at once, so this waits on nothing.
        WriteAsync(report, release, buffer, CancellationToken.None).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the bytes of <see cref="Render(ConsolidatedReturn, ReleaseContext)"/> to <paramref name="output"/> as
    /// they are made, flushed each time 32 KB are waiting: the document lists every agency's figures, so it grows with
    /// the partnership and is never held whole.
    /// </summary>
    public static async Task WriteAsync(
        ConsolidatedReturn report,
        ReleaseContext release,
        Stream output,
        CancellationToken cancellationToken)
    {
        await using (var json = new Utf8JsonWriter(output, ReportJson.WriterOptions))
        {
            ValueTask Pace() => json.BytesPending > 1 << 15 ? new(json.FlushAsync(cancellationToken)) : default;
            json.WriteStartObject();
            json.WriteString("partnership", report.Partnership);
            json.WriteString("period", report.Period.ToString());
            json.WriteString("compiledAt", report.CompiledAt);
            json.WriteNumber("release", release.Number);
            json.WriteString("status", release.StatusText);
            json.WriteStartArray("revisions");
            foreach (var revision in release.Revisions)
            {
                json.WriteStartObject();
                json.WriteString("figure", revision.Key);
                Revised(json, "was", revision.Earlier);
                Revised(json, "now", revision.Now);
                json.WriteString("why", revision.Why);
                json.WriteEndObject();
                await Pace();
            }

            json.WriteEndArray();
            json.WriteBoolean("suppressed", false);
            json.WriteString("publication", ReportDisclosure.NotForPublication);
            json.WriteStartArray("indicators");
            foreach (var result in report.Indicators)
            {
                Indicator(json, result);
                await Pace();
            }

            json.WriteEndArray();
            json.WriteStartArray("submissions");
            foreach (var s in report.Submissions)
            {
                json.WriteStartObject();
                json.WriteString("agency", s.Agency);
                json.WriteString("state", s.State.ToString());
                json.WriteString("dueDate", s.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                ReportJson.WriteOptional(json, "submission", s.Current?.Id);
                ReportJson.WriteOptional(
                    json,
                    "receivedAt",
                    s.Current?.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
                if (s.StandingLate is { } late)
                {
                    json.WriteBoolean("currentLate", late);
                }

                ReportJson.WriteOptional(json, "latestStatus", s.Latest?.Status.ToString());
                json.WriteEndObject();
                await Pace();
            }

            json.WriteEndArray();
            json.WriteStartObject("actions");
            json.WriteNumber("red", report.Actions.Red);
            json.WriteNumber("amber", report.Actions.Amber);
            json.WriteNumber("green", report.Actions.Green);
            json.WriteStartArray("amberAndRed");
            foreach (var a in report.Actions.AmberAndRed)
            {
                json.WriteStartObject();
                json.WriteString("agency", a.Agency);
                json.WriteString("action", a.Item.Reference);
                ReportJson.WriteOptional(json, "description", a.Item.Description);
                json.WriteString("rag", a.Item.Rag.ToString());
                ReportJson.WriteOptional(json, "commentary", a.Item.Commentary);
                ReportJson.WriteOptional(json, "recoveryActions", a.Item.RecoveryActions);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("risks");
            foreach (var r in report.Risks)
            {
                json.WriteStartObject();
                json.WriteString("agency", r.Agency);
                json.WriteString("risk", r.Item.Reference);
                ReportJson.WriteOptional(json, "description", r.Item.Description);
                json.WriteNumber("impact", r.Item.Impact);
                json.WriteNumber("likelihood", r.Item.Likelihood);
                json.WriteNumber("score", r.Item.Score);
                ReportJson.WriteOptional(json, "mitigation", r.Item.Mitigation);
                ReportJson.WriteOptional(json, "owner", r.Item.Owner);
                ReportJson.WriteOptional(json, "due", r.Item.Due);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("dataQuality");
            foreach (var q in report.Queries)
            {
                json.WriteStartObject();
                json.WriteString("agency", q.Agency);
                json.WriteString("code", q.Finding.Code);
                ReportJson.WriteOptional(json, "where", q.Finding.Location);
                json.WriteString("message", q.Finding.Message);
                json.WriteBoolean("explained", q.Explained);
                ReportJson.WriteOptional(json, "commentary", q.Commentary);
                json.WriteEndObject();
                await Pace();
            }

            json.WriteEndArray();
            json.WriteStartArray("commentary");
            foreach (var o in AgencyCommentary.Of(report))
            {
                json.WriteStartObject();
                json.WriteString("period", o.Period.ToString());
                json.WriteString("agency", o.Agency);
                json.WriteString("indicator", o.Indicator);
                json.WriteString("locality", o.Locality);
                json.WriteString("where", o.Source);
                json.WriteString("text", o.Commentary);
                json.WriteEndObject();
                await Pace();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }
    }

    private static void Indicator(Utf8JsonWriter json, IndicatorResult result)
    {
        var i = result.Indicator;
        json.WriteStartObject();
        json.WriteString("code", i.Code);
        json.WriteString("title", i.Title);
        json.WriteString("unit", i.Unit.ToString());
        json.WriteString("polarity", i.Polarity.ToString());
        json.WriteString("kind", i.Kind.ToString());

        // What every scope's variationOnLastYear and yearToDateVariation are measured in.
        json.WriteString("changeUnit", Shown.ChangeInPoints(i.Unit) ? "percentagePoints" : "percent");
        Number(json, "baseline", i.Baseline?.Value);
        Number(json, "target", result.Target);
        Number(json, "targetToDate", result.TargetToDate);
        json.WritePropertyName("area");
        Figures(json, result.Area, result.TargetToDate, rated: true);
        json.WriteStartArray("series");
        for (var q = 0; q < result.Series.Count; q++)
        {
            json.WriteStartObject();
            json.WriteString("period", result.SeriesPeriods[q].ToString());
            Number(json, "value", result.Series[q]);
            Missing(
                json,
                "missingReturns",
                q < result.SeriesCoverage.Count ? result.SeriesCoverage[q] : Coverage.Complete);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // The "no action" projection as the page draws it: four quarters on, stopping at the unit's bounds.
        json.WriteStartArray("projection");
        if (result.Trend is { } trend)
        {
            var ahead = Enumerable.Range(result.Series.Count, 4).Select(q => (double)q).ToList();
            var period = result.SeriesPeriods[^1];
            foreach (var (_, value) in TrendChart.Bounded(ahead, trend, i.Unit).Where(p => p.Index % 1 == 0))
            {
                period = period.Next();
                json.WriteStartObject();
                json.WriteString("period", period.ToString());
                json.WriteNumber("value", Math.Round(value, 6));
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        var ratedBreakdowns = i.Unit != Catalogue.IndicatorUnit.Count;
        Breakdown(json, "localities", result.Localities, result.TargetToDate, ratedBreakdowns);
        Breakdown(json, "agencies", result.Agencies, result.TargetToDate, ratedBreakdowns);
        json.WriteEndObject();
    }

    private static void Breakdown(
        Utf8JsonWriter json,
        string name,
        IReadOnlyList<BreakdownRow> rows,
        double? targetToDate,
        bool rated)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("code", row.Code);
            json.WriteString("name", row.Name);
            json.WritePropertyName("figures");
            Figures(json, row.Figures, targetToDate, rated);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// One scope's figures. Each carries the owed returns it lacks ("missingReturns", empty when complete);
    /// a change, direction or RAG resting on an incomplete figure is null, and "ragState" says why.
    /// </summary>
    private static void Figures(Utf8JsonWriter json, IndicatorFigures f, double? targetToDate, bool rated)
    {
        json.WriteStartObject();
        Number(json, "value", f.Value);
        Number(json, "numerator", f.Parts.IsEmpty ? null : f.Parts.Numerator);
        Number(json, "denominator", f.Parts.IsEmpty ? null : f.Parts.Denominator);
        Number(json, "previous", f.Previous);
        Number(json, "sameQuarterLastYear", f.SameQuarterLastYear);
        Number(json, "variationOnLastYear", f.VariationOnLastYear);
        Number(json, "yearToDate", f.YearToDate);
        Number(json, "yearToDateLastYear", f.YearToDateLastYear);
        Number(json, "yearToDateVariation", f.YearToDateVariation);
        ReportJson.WriteOptional(json, "rag", f.Rag?.ToString());
        json.WriteString("ragState", FigureText.RagText(f, targetToDate, rated));
        ReportJson.WriteOptional(json, "sincePrevious", f.SincePrevious?.ToString());
        ReportJson.WriteOptional(json, "sinceLastYear", f.SinceLastYear?.ToString());
        ReportJson.WriteOptional(json, "notComparableWithLastYear", f.NotComparableWithLastYear);
        ReportJson.WriteOptional(json, "notComparableWithPrevious", f.NotComparableWithPrevious);
        json.WriteBoolean("complete", f.Coverage.IsComplete);
        json.WriteStartObject("missingReturns");
        Missing(json, "thisQuarter", f.Coverage);
        Missing(json, "previous", f.PreviousCoverage);
        Missing(json, "sameQuarterLastYear", f.LastYearCoverage);
        Missing(json, "yearToDate", f.YearToDateCoverage);
        Missing(json, "yearToDateLastYear", f.YearToDateLastYearCoverage);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Missing(Utf8JsonWriter json, string name, Coverage coverage)
    {
        json.WriteStartArray(name);
        foreach (var missing in coverage.Missing)
        {
            json.WriteStartObject();
            json.WriteString("period", missing.Period.ToString());
            json.WriteString("agency", missing.Agency);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
