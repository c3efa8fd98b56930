using System.Text;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Tests.Reports;

namespace SafeguardingIngest.Tests.Releases;

/// <summary>
/// The sample partnership's releases, built as the compile builds them, put through the explore education
/// statistics screener check: the csv and the metadata written beside it pass with no failure, published or
/// provisional, for more than one quarter, and when a release revises an earlier one.
/// </summary>
public sealed class ReleaseScreeningTests
{
    private static readonly PublicationOptions s_publication = new();

    private static ReleaseDraft Release(
        ConsolidatedReturn report,
        ReleaseStatus status,
        int number = 1,
        params ReleaseDraft[] earlier) =>
        ReleaseBuilder.Build(new ReleaseRequest(
            report,
            Samples.Partnership,
            s_publication,
            status,
            number,
            EarlierDecisions.Of(earlier.Select(e => e.Decisions!)),
            [],
            "digest"));

    private static string Text(ReleaseDraft release, string name) =>
        Encoding.UTF8.GetString(release.Files.Single(f => f.Name == name).Content);

    private static void AssertPasses(ReleaseDraft release)
    {
        var failures = EesScreener.Check(Text(release, CsvReport.FileName), Text(release, CsvMetadata.FileName));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Check_PublishedSampleRelease_FindsNothing()
    {
        var release = Release(SampleReport.Report, ReleaseStatus.Published);

        AssertPasses(release);
    }

    [Fact]
    public void Check_ProvisionalSampleRelease_FindsNothing()
    {
        var release = Release(SampleReport.Report, ReleaseStatus.Provisional);

        Assert.Contains(",provisional,", Text(release, CsvReport.FileName), StringComparison.Ordinal);
        AssertPasses(release);
    }

    [Fact]
    public void Check_SampleReleaseOfAnEarlierQuarter_FindsNothing()
    {
        // 2025-26 Q4's compile runs back to 2024-25 Q1, before the catalogue's changes of 2026-27.
        var release = Release(SampleReport.At(new ReportingPeriod(2025, 4)), ReleaseStatus.Published);

        Assert.Contains("\n202526,Financial year Q4,", Text(release, CsvReport.FileName), StringComparison.Ordinal);
        AssertPasses(release);
    }

    [Fact]
    public void Check_SecondReleaseRevisingTheFirst_FindsNothing()
    {
        // Release 1 lacks Education's latest return; release 2 has it, so totals release 1 published move.
        var first = Release(SampleReport.WithoutEducation, ReleaseStatus.Published);
        var second = Release(SampleReport.Report, ReleaseStatus.Published, 2, first);

        AssertPasses(first);
        Assert.True(second.Manifest.Revisions > 0, "release 2 revises nothing, so it tests no revision");
        AssertPasses(second);
    }
}
