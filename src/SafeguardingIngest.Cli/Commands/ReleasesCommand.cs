using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Releases;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>
/// `sgi releases --period P [--diff A B]`: the quarter's releases, or what changed between two of them.
/// </summary>
internal static class ReleasesCommand
{
    private static readonly string[] s_headings =
        ["Release", "Compiled", "Status", "Returns read", "Shown", "Hidden", "Revised"];

    public static Command Create(CliConsole console)
    {
        var period = CommonOptions.Period(required: true);
        var diff = new Option<int[]>("--diff")
        {
            Description = "Say what changed from release A to release B of the quarter.",
            HelpName = "A B",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var storage = new StorageCommandOptions();
        var command = new Command(
            "releases",
            "List a quarter's releases (number, when, status, what they read and hid), or compare two.")
        {
            period, diff,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var (host, _) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var store = host.Get<IReleaseStore>();
                var releases = await store.ListAsync(quarter, cancellationToken);
                if (result.GetValue(diff) is [var a, var b])
                {
                    var from = Find(releases, quarter, a);
                    var to = Find(releases, quarter, b);
                    var change = ReleaseDiff.Between(
                        from,
                        await store.ReadDecisionsAsync(from, cancellationToken),
                        to,
                        await store.ReadDecisionsAsync(to, cancellationToken));
                    Print(console.Ansi, from, to, change);
                    return ExitCodes.Accepted;
                }

                if (releases.Count == 0)
                {
                    var hint = $"{quarter} has no release yet: sgi compile --period \"{quarter}\" writes the first.";
                    console.Ansi.MarkupLine(Markup.Escape(hint));
                    return ExitCodes.Accepted;
                }

                var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Releases of {quarter}"));
                foreach (var heading in s_headings)
                {
                    table.AddColumn(heading);
                }

                foreach (var release in releases)
                {
                    table.AddRow(
                        release.Number.ToString(CultureInfo.InvariantCulture),
                        release.CompiledAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                        release.Status.ToString(),
                        release.Submissions.Count.ToString(CultureInfo.InvariantCulture),
                        release.FiguresShown.ToString("N0", CultureInfo.InvariantCulture),
                        release.FiguresHidden.ToString("N0", CultureInfo.InvariantCulture),
                        release.Revisions.ToString("N0", CultureInfo.InvariantCulture));
                }

                console.Ansi.Write(table);
                return ExitCodes.Accepted;
            }
        });
        return command;
    }

    private static ReleaseManifest Find(
        IReadOnlyList<ReleaseManifest> releases, Periods.ReportingPeriod quarter, int number) =>
        releases.FirstOrDefault(r => r.Number == number)
        ?? throw new UsageException(
            $"{quarter} has no release {number}; it has "
            + $"{(releases.Count == 0 ? "none" : string.Join(", ", releases.Select(r => r.Number)))}.");

    private static void Print(IAnsiConsole console, ReleaseManifest from, ReleaseManifest to, ReleaseDiff change)
    {
        console.MarkupLine(Markup.Escape(
            $"From {from.Name} ({from.CompiledAt:yyyy-MM-dd HH:mm}) "
            + $"to release {to.Number} ({to.CompiledAt:yyyy-MM-dd HH:mm}):"));
        if (change.IsEmpty)
        {
            console.MarkupLine("Nothing changed.");
            return;
        }

        void Section(string heading, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count > 0)
            {
                console.MarkupLine(Markup.Escape($"{heading} ({list.Count}):"));
                foreach (var line in list)
                {
                    console.MarkupLine(Markup.Escape("  " + line));
                }
            }
        }

        static string Figure(FigureDecision f) =>
            f.Hidden ? "hidden" : f.Value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "no data";
        Section("What it read", change.Inputs);
        Section("Files that differ", change.Files);
        Section("Figures revised", change.Changed.Select(c => $"{c.Now.Key}: {Figure(c.Was)} → {Figure(c.Now)}"));
        Section("Hidden now, shown before", change.NowHidden.Select(f => f.Key));
        Section("Shown now, hidden before", change.NowShown.Select(f => f.Key));
        Section("New figures", change.Added.Select(f => f.Key));
        Section("Figures no longer given", change.Removed.Select(f => f.Key));
    }
}
