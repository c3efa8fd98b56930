using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;
using SafeguardingIngest.Templates;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// A realistic consolidated return: eight quarters of template returns from every agency of the
/// sample partnership, filled with drifting plausible figures, read back by the validator and compiled.
/// </summary>
internal static class SampleReport
{
    private static readonly Lazy<ConsolidatedReturn> s_report = new(() => Build(missing: null));
    private static readonly Lazy<ConsolidatedReturn> s_withoutEducation = new(() => Build(missing: "EDU"));

    public static ConsolidatedReturn Report => s_report.Value;

    /// <summary>The same, but Education's latest return is missing.</summary>
    public static ConsolidatedReturn WithoutEducation => s_withoutEducation.Value;

    /// <summary>The same, compiled for <paramref name="latest"/> and the seven quarters before it.</summary>
    public static ConsolidatedReturn At(ReportingPeriod latest) => Build(missing: null, latest);

    private static ConsolidatedReturn Build(string? missing) => Build(missing, new ReportingPeriod(2026, 2));

    private static ConsolidatedReturn Build(string? missing, ReportingPeriod latest)
    {
        var partnership = Samples.Partnership;
        var periods = latest.Trailing(Compiler.SeriesLength);
        var data = new Dictionary<ReportingPeriod, PeriodData>();
        for (var k = 0; k < periods.Count; k++)
        {
            var sink = new ObservationBuffer();
            foreach (var agency in partnership.Agencies.Where(
                a => partnership.IndicatorsOwedBy(a.Code).Any() && !(a.Code == missing && k == periods.Count - 1)))
            {
                var document = SampleFigures.Fill(
                    ReturnTemplate.For(partnership, agency, periods[k]),
                    partnership,
                    seed: (k * 31) + agency.Code.Length,
                    drift: -1 + (2.0 * k / 7));
                using var stream = new MemoryStream();
                ReturnWorkbookWriter.Write(stream, document, partnership);
                stream.Position = 0;
                new ReturnValidator(partnership).Validate(stream, new ReturnContext(agency.Code, periods[k]), sink);
            }

            data[periods[k]] = new PeriodData(periods[k], sink.Items, [], [], []);
        }

        var states = ReturnTracker.States(
            partnership,
            latest,
            [],
            [],
            latest.DueDate(partnership.ReturnsDueDays).AddDays(10));
        return Compiler.Compile(
            partnership,
            latest,
            data,
            states,
            new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
    }
}
