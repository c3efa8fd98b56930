using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Releases;

/// <summary>
/// Makes a compiled return into a release: one disclosure plan over this compile and every earlier
/// release, the revisions against them, the files rendered by that plan, the decisions for the next
/// release, and the manifest that names it all.
/// </summary>
public static class ReleaseBuilder
{
    /// <summary>
    /// The digest of everything that decides a release's content but the clock: the catalogue, the
    /// publication settings, the status, the submissions read and where each owed return stands. A compile
    /// whose digest equals the latest release's would publish nothing new.
    /// </summary>
    public static string InputsDigest(
        string catalogue,
        PublicationOptions publication,
        ReleaseStatus status,
        IEnumerable<ReleaseInput> inputs,
        IEnumerable<string> returnStates)
    {
        var text = new StringBuilder()
            .Append("catalogue ").Append(catalogue).Append('\n')
            .Append(
                CultureInfo.InvariantCulture,
                $"threshold {publication.SmallCountThreshold} symbol {publication.Symbol}\n")
            .Append("status ").Append(status).Append('\n');
        var ordered = inputs
            .OrderBy(i => i.Period, StringComparer.Ordinal)
            .ThenBy(i => i.Agency, StringComparer.Ordinal);
        foreach (var input in ordered)
        {
            text.Append(CultureInfo.InvariantCulture, $"submission {input.Period} {input.Agency} {input.Submission}\n");
        }

        foreach (var state in returnStates.Order(StringComparer.Ordinal))
        {
            text.Append("state ").Append(state).Append('\n');
        }

        return Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// Builds the release <paramref name="request"/> asks for; each indicator's plan is timed by
    /// <paramref name="time"/> (the system clock by default).
    /// </summary>
    public static ReleaseDraft Build(ReleaseRequest request, TimeProvider? time = null)
    {
        var (report, partnership, publication, status, number, earlier, inputs, _) = request;
        var plan = DisclosurePlan.For(report, publication, time ?? TimeProvider.System, earlier);
        var revisions = Revisions.Find(plan.Decisions, earlier, Why(report, inputs));
        var context = new ReleaseContext(number, status, revisions);
        var files = ReportSet.Render(report, partnership, plan, context);
        var manifest = Manifest(
            request,
            plan,
            revisions,
            [.. files.Select(f => new ReleaseFile(f.Name, f.Public, Sha256(f.Content), f.Content.LongLength))]);
        var decisions = new ReleaseDecisions(report.Period.Key, number, plan.Decisions);
        return new ReleaseDraft(manifest, files, decisions) { Fallbacks = plan.Fallbacks };
    }

    /// <summary>
    /// Builds the release <paramref name="request"/> asks for as <see cref="Build"/> does, its files and decisions
    /// the same byte for byte, but for writing as they are produced: the decisions go to a
    /// <see cref="DecisionSpool"/> family by family as the plan makes them, the csv is written a row at a time
    /// (<see cref="ReportSet.Stream"/>), and neither is ever held whole; the manifest lists the files once the
    /// store has written them. The caller disposes the draft, which removes the spool.
    /// </summary>
    public static ReleaseDraft BuildStreamed(ReleaseRequest request, TimeProvider? time = null)
    {
        var (report, partnership, publication, status, number, earlier, inputs, _) = request;
        var spool = new DecisionSpool(report.Period.Key, number);
        try
        {
            var found = new Revisions(earlier, Why(report, inputs));
            var revisions = new List<Revision>();
            var plan = DisclosurePlan.For(
                report,
                publication,
                time ?? TimeProvider.System,
                earlier,
                family =>
                {
                    revisions.AddRange(found.In(family));
                    spool.Add(family);
                });
            var files = ReportSet.Stream(report, partnership, plan, new ReleaseContext(number, status, revisions));
            var manifest = Manifest(request, plan, revisions, []);
            return new ReleaseDraft(manifest, [.. files.Select(f => f.Held).OfType<ReportFile>()], null)
            {
                Fallbacks = plan.Fallbacks,
                Streamed = files,
                Spool = spool,
            };
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private static ReleaseManifest Manifest(
        ReleaseRequest request,
        DisclosurePlan plan,
        IReadOnlyList<Revision> revisions,
        IReadOnlyList<ReleaseFile> files)
    {
        return new ReleaseManifest(
            request.Report.Partnership,
            request.Report.Period.Key,
            request.Number,
            request.Report.CompiledAt,
            request.Status,
            request.InputsDigest,
            request.Partnership.Digest ?? string.Empty,
            request.Inputs,
            files,
            plan.FiguresShown,
            plan.FiguresHidden,
            revisions.Count)
        {
            Fallbacks = [.. plan.Fallbacks.Select(f => $"{f.Indicator}: {f.Reason}")],
        };
    }

    /// <summary>The hash a manifest lists for a file's content.</summary>
    internal static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// For a revised csv cell's agency and quarter, what changed: the return sent again, or withdrawn.
    /// </summary>
    private static Func<string, ReportingPeriod, string> Why(
        ConsolidatedReturn report,
        IReadOnlyList<ReleaseInput> inputs)
    {
        var received = inputs.ToDictionary(i => (i.Agency, i.Period), i => i.ReceivedAt);
        return (agency, period) =>
        {
            var name = report.AgencyNames.GetValueOrDefault(agency, agency);
            return received.TryGetValue((agency, period.Key), out var at)
                ? $"{name} sent its {period} return again, received {DayOf(at)}"
                : $"{name}'s {period} return no longer stands";
        };
    }

    private static string DayOf(DateTimeOffset at) =>
        UkTime.DateOf(at).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

}
