using System.CommandLine;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi catalogue check` and `sgi catalogue diff`: a catalogue change seen before it bites.</summary>
internal static class CatalogueCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("catalogue", "Check the partnership file and see what changes between two periods.")
        {
            Check(console), Diff(console),
        };
        return command;
    }

    private static Command Check(CliConsole console)
    {
        var reference = CommonOptions.Reference();
        var command = new Command(
            "check", "Validate the partnership file and print each year's indicators and agencies.")
        {
            reference,
        };
        command.SetAction(result =>
        {
            var partnership = CommonOptions.LoadPartnership(result.GetValue(reference));
            console.Out.WriteLine($"{partnership.Name}: the file is valid.");
            var years = CatalogueDiff.Years(partnership);
            if (years.Count == 0)
            {
                Print(console, "every year", partnership);
            }

            foreach (var year in years)
            {
                // A year's lists are everything in force in any of its quarters.
                var quarters = Enumerable.Range(1, 4)
                    .Select(q => partnership.For(new ReportingPeriod(year, q)))
                    .ToList();
                var indicators = partnership.Indicators
                    .Where(i => quarters.Any(c => c.FindIndicator(i.Code) is not null));
                var agencies = partnership.Agencies.Where(a => quarters.Any(c => c.Agencies.Contains(a)));
                console.Out.WriteLine($"{year}:");
                var indicatorList = string.Join(", ", indicators.Select(i => Dated(i.Code, i.Dates, year)));
                var agencyList = string.Join(", ", agencies.Select(a => Dated(a.Code, a.Dates, year)));
                console.Out.WriteLine($"  indicators: {indicatorList}");
                console.Out.WriteLine($"  agencies: {agencyList}");
            }

            return ExitCodes.Accepted;
        });
        return command;
    }

    private static void Print(CliConsole console, string label, Partnership partnership)
    {
        console.Out.WriteLine($"{label}:");
        console.Out.WriteLine($"  indicators: {string.Join(", ", partnership.Indicators.Select(i => i.Code))}");
        console.Out.WriteLine($"  agencies: {string.Join(", ", partnership.Agencies.Select(a => a.Code))}");
    }

    /// <summary>"ICB (from 2025-26 Q2)" where the entry starts or stops within the year, else the code.</summary>
    private static string Dated(string code, InForce dates, FinancialYear year) =>
        Enumerable.Range(1, 4).All(q => dates.Covers(new ReportingPeriod(year, q))) ? code : $"{code} ({dates})";

    private static Command Diff(CliConsole console)
    {
        var first = new Argument<string?>("FROM")
        {
            Description = "A financial year (2025-26) or a quarter (\"2025-26 Q4\").",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var second = new Argument<string?>("TO")
        {
            Description = "A later financial year or quarter.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var from = new Option<string?>("--from") { Description = "The first period, as FROM.", HelpName = "PERIOD" };
        var to = new Option<string?>("--to") { Description = "The second period, as TO.", HelpName = "PERIOD" };
        var reference = CommonOptions.Reference();
        var command = new Command(
            "diff", "Print what starts, stops, breaks its series or changes target between two periods.")
        {
            first, second, from, to, reference,
        };
        command.SetAction(result =>
        {
            var start = Period(result.GetValue(from) ?? result.GetValue(first), "FROM");
            var end = Period(result.GetValue(to) ?? result.GetValue(second), "TO");
            if (end.Last < start.Last)
            {
                throw new UsageException($"{end} is before {start}; give the earlier period first.");
            }

            var partnership = CommonOptions.LoadPartnership(result.GetValue(reference));
            var changes = CatalogueDiff.Between(partnership, start, end);
            var count = changes.Count == 0 ? "no change" : $"{changes.Count} changes";
            console.Out.WriteLine($"From {start} to {end}: {count}");
            foreach (var change in changes)
            {
                console.Out.WriteLine($"  {change.Description}");
            }

            return ExitCodes.Accepted;
        });
        return command;
    }

    private static CataloguePeriod Period(string? text, string name) =>
        text is null
            ? throw new UsageException($"Give {name}: a financial year (2025-26) or a quarter (\"2025-26 Q4\").")
            : CataloguePeriod.TryParse(text, out var period)
                ? period
                : throw new UsageException(
                    $"'{text}' is neither a financial year nor a quarter; write 2025-26 or \"2025-26 Q4\".");
}
