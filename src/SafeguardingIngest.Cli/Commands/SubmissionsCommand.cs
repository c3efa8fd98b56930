using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Submissions;
using SafeguardingIngest.Validation;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi submissions --period P`: each owing agency's state for the period.</summary>
internal static class SubmissionsCommand
{
    public static Command Create(CliConsole console)
    {
        var period = CommonOptions.Period(required: true);
        var storage = new StorageCommandOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output: a table (text) or JSON.",
            DefaultValueFactory = _ => "text"
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(
            "submissions",
            "Show each agency's return for a period: on time, late, refused at its latest upload, missing, or not " +
            "yet due.")
        {
            period, format,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var store = host.Get<ISubmissionRecords>();
                var states = ReturnTracker.States(
                    partnership,
                    quarter,
                    await store.ListAsync(quarter, cancellationToken),
                    await store.ListCurrentAsync(quarter, cancellationToken),
                    UkTime.Today(TimeProvider.System));
                if (result.GetValue(format) == "json")
                {
                    console.Out.WriteLine(Json(quarter.ToString(), states));
                }
                else
                {
                    Render(console.Ansi, quarter.ToString(), states);
                }

                return ExitCodes.Accepted;
            }
        });
        return command;
    }

    private static void Render(IAnsiConsole console, string period, IReadOnlyList<ReturnState> states)
    {
        console.MarkupLine(
            $"[bold]Returns for {Markup.Escape(period)}[/], due " +
            $"{(states.Count > 0 ? states[0].DueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "-")}");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var heading in new[] { "Agency", "State", "Received", "Rows", "Submission", "Latest upload" })
        {
            table.AddColumn(heading);
        }

        foreach (var state in states)
        {
            var colour = state.State switch
            {
                ReturnStateKind.OnTime => "green",
                ReturnStateKind.Late => "yellow",
                ReturnStateKind.NotYetDue => "grey",
                _ => "red",
            };
            table.AddRow(
                new Text(state.Agency),
                new Markup($"[{colour}]{Markup.Escape(state.Describe())}[/]"),
                new Text(state.Current is { } standing ? UkTime.Describe(standing.ReceivedAt) : "-"),
                new Text(state.Current?.Rows.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(state.Current?.Id[..12] ?? "-"),
                new Text(state.Latest is { } latest ? Feedback.Verdict(latest.Status) : "-"));
        }

        console.Write(table);
    }

    private static string Json(string period, IReadOnlyList<ReturnState> states)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("period", period);
            json.WriteStartArray("agencies");
            foreach (var state in states)
            {
                json.WriteStartObject();
                json.WriteString("agency", state.Agency);
                json.WriteString("name", state.AgencyName);
                json.WriteString("state", state.State.ToString());
                json.WriteString("dueDate", state.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                ReportJson.WriteOptional(json, "currentSubmission", state.Current?.Id);
                ReportJson.WriteOptional(
                    json,
                    "receivedAt",
                    state.Current?.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
                if (state.Current is { } current)
                {
                    json.WriteNumber("rows", current.Rows);
                    json.WriteBoolean("currentLate", state.StandingLate == true);
                }

                ReportJson.WriteOptional(json, "latestStatus", state.Latest?.Status.ToString());
                ReportJson.WriteOptional(json, "latestSubmission", state.Latest?.Id);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
