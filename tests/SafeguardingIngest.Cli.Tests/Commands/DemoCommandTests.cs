using System.Text.Json;

namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class DemoCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    [Fact]
    public async Task Demo_FromEmptyStorage_LeavesTheSecondReleaseAndTellsTheQuartersStory()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var folder = _sgi.PathOf("out");

        var (exit, output, error) = await SgiRunner.RunAsync(["demo", "--out", folder, .. storage]);

        Assert.True(exit == 0, error);
        Assert.Equal(
            [
                "consolidated-return.html",
                "consolidated-return.json",
                "consolidated-return.xlsx",
                "observations.csv",
                "observations.meta.csv"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("1 late, 1 refused at latest upload, 1 missing", output, StringComparison.Ordinal);
        Assert.Contains("1 not accepted", output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(
            await File.ReadAllBytesAsync(Path.Combine(folder, "consolidated-return.json")));
        var submissions = json.RootElement
            .GetProperty("submissions")
            .EnumerateArray()
            .ToDictionary(s => s.GetProperty("agency").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Equal("Late", submissions["POL"]);
        Assert.Equal("Missing", submissions["CAFCASS"]);
        Assert.Equal("Refused", submissions["EDU"]);
        Assert.Equal("OnTime", submissions["CSC"]);
        Assert.Equal(23, json.RootElement.GetProperty("indicators").GetArrayLength());

        // A reader with the page and the csv pins no hidden count of any count or rate indicator.
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "consolidated-return.html"));
        var csv = await File.ReadAllTextAsync(Path.Combine(folder, "observations.csv"));
        var attacked = json.RootElement
            .GetProperty("indicators")
            .EnumerateArray()
            .Where(i => i.GetProperty("unit").GetString() is "Count" or "RatePer10000")
            .ToList();
        Assert.NotEmpty(attacked);
        var hidden = 0;
        foreach (var code in attacked.Select(i => i.GetProperty("code").GetString()!))
        {
            var attacker = DisclosureAttacker.Attack(html, csv, code);
            hidden += attacker.Ranges.Count;
            Assert.True(attacker.Pinned(5).Count == 0, $"{code}: {string.Join("; ", attacker.Pinned(5))}");
        }

        Assert.True(hidden > 0, "the demo hides no count, so the attack proves nothing");
        var tamworth = DisclosureAttacker.Attack(html, csv, "EH01").Ranges
            .Where(r => r.Figure.StartsWith("Tamworth ", StringComparison.Ordinal))
            .Select(r => r.Figure)
            .ToList();
        Assert.True(
            tamworth.Count >= 2,
            "Tamworth's few early help assessments (and its year to date) are hidden on the page: " +
            string.Join(", ", tamworth));

        // NEG05 rests on Mental Health's unexplained query and more than doubled on last quarter: its summary row
        // and card carry the mark, linking to a note in our words.
        Assert.Equal(3, html.Split("#flag-i-neg05", StringSplitOptions.None).Length);
        Assert.Contains("<li id=\"flag-i-neg05\">", html, StringComparison.Ordinal);

        // Their data quality queries (a fall on last quarter) are counted on the page, never quoted, and the
        // agency's explanation stays with the performance team.
        Assert.DoesNotMatch(@"from [\d,]+ to [1-4]\)", html);
        Assert.DoesNotContain("reorganised in August", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reorganised in August", csv, StringComparison.Ordinal);
        var dataQuality = json.RootElement.GetProperty("dataQuality").ToString();
        Assert.Contains("reorganised in August", dataQuality, StringComparison.Ordinal);

        // The board saw the quarter before Children's Social Care corrected its draft (release 1) and after (release
        // 2), whose page marks and lists what the correction revised.
        var period = json.RootElement.GetProperty("period").GetString()!;
        Assert.Contains(
            $"Wrote {period} release 1 (published)",
            output.ReplaceLineEndings(" "),
            StringComparison.Ordinal);
        Assert.Contains(
            $"Wrote {period} release 2 (published)",
            output.ReplaceLineEndings(" "),
            StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.GetProperty("release").GetInt32());
        Assert.Contains("release 2, published", html, StringComparison.Ordinal);
        Assert.Contains(
            $"Staffordshire County Council sent its {period} return again, received",
            html,
            StringComparison.Ordinal);
        var (listed, releases, listError) = await SgiRunner.RunAsync(["releases", "--period", period, .. storage]);
        Assert.True(listed == 0, listError);
        Assert.Matches(@"│ 1 +│.*│ Published", releases);
        Assert.Matches(@"│ 2 +│.*│ Published", releases);
        var (diffed, diff, diffError) = await SgiRunner.RunAsync(
            ["releases", "--period", period, "--diff", "1", "2", .. storage]);
        Assert.True(diffed == 0, diffError);
        Assert.Contains($"CSC {period.Replace(' ', '-')}: return ", diff, StringComparison.Ordinal);
        Assert.Contains("Figures revised", diff, StringComparison.Ordinal);

        // Release 2's csv and metadata pass the EES screener's rules; its metadata lists revised and, with
        // CAFCASS's return missing, complete and missing_returns, each holding two values or more in the file.
        var meta = await File.ReadAllTextAsync(Path.Combine(folder, "observations.meta.csv"));
        var screened = EesScreener.Check(csv, meta);
        Assert.True(screened.Count == 0, string.Join(Environment.NewLine, screened));
        Assert.Contains("\nrevised,Filter,", meta, StringComparison.Ordinal);
        Assert.Contains("\ncomplete,Filter,", meta, StringComparison.Ordinal);
        Assert.Contains("\nmissing_returns,Filter,", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("\nstatus,Filter,", meta, StringComparison.Ordinal);

        // The corrected Children's Social Care return superseded its draft: the draft's submission is not current.
        var (_, list) = await SgiRunner.RunJsonAsync(
            ["submissions", "--period", json.RootElement.GetProperty("period").GetString()!, .. storage]);
        var csc = list
            .GetProperty("agencies")
            .EnumerateArray()
            .Single(a => a.GetProperty("agency").GetString() == "CSC");
        Assert.Equal(csc.GetProperty("latestSubmission").GetString(), csc.GetProperty("currentSubmission").GetString());
    }

    [Fact]
    public async Task Demo_ReleasesOfItsLastFourQuarters_TogetherPinNoHiddenFigure()
    {
        // After the demo (two releases of its latest quarter), the three quarters before it are compiled as
        // releases too, each carrying what the releases before it showed and hid. A reader holding all four
        // quarters' pages and csvs pins no hidden figure of any indicator: counts, rates (over each financial
        // year's population), percentages (numerator, complement and denominator) and averages (cases); and the
        // releases never contradict one another.
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var latestFolder = _sgi.PathOf("latest");
        var (exit, _, error) = await SgiRunner.RunAsync(["demo", "--out", latestFolder, .. storage]);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(
            await File.ReadAllBytesAsync(Path.Combine(latestFolder, "consolidated-return.json")));
        var latest = Periods.ReportingPeriod.Parse(json.RootElement.GetProperty("period").GetString()!);

        var folders = new List<(Periods.ReportingPeriod Quarter, string Folder)> { (latest, latestFolder) };
        foreach (var quarter in latest.Trailing(4).Take(3).Reverse())
        {
            var folder = _sgi.PathOf(quarter.Key);
            var (compiled, _, compileError) = await SgiRunner.RunAsync(
                ["compile", "--period", quarter.ToString(), "--out", folder, .. storage]);
            Assert.True(compiled == 0, compileError);
            folders.Add((quarter, folder));
        }

        var releases = new List<(Periods.ReportingPeriod Quarter, Release Release)>();
        foreach (var (quarter, folder) in folders)
        {
            // Each quarter's csv and the metadata written beside it pass the EES screener's rules.
            var screened = EesScreener.Check(
                await File.ReadAllTextAsync(Path.Combine(folder, "observations.csv")),
                await File.ReadAllTextAsync(Path.Combine(folder, "observations.meta.csv")));
            Assert.True(screened.Count == 0, $"{quarter}: {string.Join(Environment.NewLine, screened)}");
            releases.Add((quarter, new Release(
                await File.ReadAllTextAsync(Path.Combine(folder, "consolidated-return.html")),
                await File.ReadAllTextAsync(Path.Combine(folder, "observations.csv")))));
        }

        var codes = json.RootElement.GetProperty("indicators").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()!)
            .ToList();
        // The catalogue's links are public: each indicator is attacked with every indicator it shares counts with.
        var links = Samples.Partnership.Indicators.SelectMany(Links).ToList();
        var hidden = 0;
        var problems = new List<string>();
        foreach (var code in codes)
        {
            ReleaseAttacker attacker;
            try
            {
                // An indicator is on the pages of the quarters whose catalogue collects it (NEG07 starts in 2026-27).
                attacker = ReleaseAttacker.Attack(
                    [.. releases
                        .Where(r => Samples.Partnership.For(r.Quarter).FindIndicator(code) is not null)
                        .Select(r => r.Release)],
                    code,
                    timeLimit: TimeSpan.FromSeconds(10),
                    links: [.. links.Where(l => l.Code == code || l.Other == code)]);
            }
            catch (InvalidOperationException e)
            {
                problems.Add($"{code}: {e.Message}");
                continue;
            }

            hidden += attacker.Ranges.Count;
            if (attacker.NotProven.Count > 0)
            {
                problems.Add($"{code}: {string.Join("; ", attacker.NotProven)}");
            }

            if (attacker.Pinned(5).Count > 0)
            {
                problems.Add($"{code}: {string.Join("; ", attacker.Pinned(5))}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(hidden > 0, "the demo's releases hide nothing, so the attack proves nothing");
        Assert.Contains(links, l => l.Kind == "denominatorOf");
    }

    /// <summary>An indicator's catalogue links as the attacker takes them: one count tied to another's.</summary>
    private static IEnumerable<IndicatorLink> Links(Catalogue.Indicator indicator)
    {
        var links = indicator.Links;
        if (links.SameCountAs is { } same)
        {
            yield return new IndicatorLink(indicator.Code, "sameCountAs", same);
        }

        if (links.PartOf is { } whole)
        {
            yield return new IndicatorLink(indicator.Code, "partOf", whole);
        }

        foreach (var share in links.NumeratorOf)
        {
            yield return new IndicatorLink(share, "numeratorOf", indicator.Code);
        }

        foreach (var share in links.DenominatorOf)
        {
            yield return new IndicatorLink(share, "denominatorOf", indicator.Code);
        }
    }

    [Fact]
    public async Task Demo_RunTwice_GivesByteIdenticalReportsAndAnotherSeedOtherFigures()
    {
        // Each run starts from empty storage of its own, so every id and time in the reports comes from the
        // returns the demo writes and the compile time it fixes, never from the storage or the clock.
        async Task<Dictionary<string, byte[]>> RunAsync(string name, params string[] extra)
        {
            var storage = new[]
            {
                "--connection",
                azurite.ConnectionString,
                "--storage-prefix",
                AzuriteFixture.NewPrefix()
            };
            var folder = _sgi.PathOf(name);
            var (exit, _, error) = await SgiRunner.RunAsync(["demo", "--out", folder, .. storage, .. extra]);
            Assert.True(exit == 0, error);
            return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        }

        var first = await RunAsync("first");
        var second = await RunAsync("second");
        var other = await RunAsync("other", "--seed", "7");

        string[] reports =
        [
            "consolidated-return.html", "observations.csv", "observations.meta.csv", "consolidated-return.json",
            "consolidated-return.xlsx",
        ];
        Assert.Subset(first.Keys.ToHashSet(), reports.ToHashSet());
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(first, file => Assert.True(file.Value.SequenceEqual(second[file.Key]), $"{file.Key} differs"));
        Assert.NotEqual(first["observations.csv"], other["observations.csv"]);
    }

    [Fact]
    public async Task Demo_Figures_ChangeByAFewPerCentAQuarterExceptWhereTheStorySaysSo()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var folder = _sgi.PathOf("plausible");
        var (exit, _, error) = await SgiRunner.RunAsync(["demo", "--out", folder, .. storage]);
        Assert.True(exit == 0, error);

        using var json = JsonDocument.Parse(
            await File.ReadAllBytesAsync(Path.Combine(folder, "consolidated-return.json")));
        var partnership = Samples.Partnership;
        foreach (var indicator in json.RootElement.GetProperty("indicators").EnumerateArray())
        {
            var code = indicator.GetProperty("code").GetString()!;
            var series = indicator.GetProperty("series").EnumerateArray().ToList();

            // The last quarter carries the story (a missing, a refused and a late return, a small count, a
            // figure above the plausible maximum); the seven quarters before it move by a few per cent, except
            // where the catalogue changed between two quarters: an indicator not yet collected, a series
            // break, or another agency owing it (the sample's health agency is replaced at 2026-27 Q2).
            for (var q = 1; q < series.Count - 1; q++)
            {
                var (was, now_) = (Quarter(series[q - 1]), Quarter(series[q]));
                var (then, later) = (
                    partnership.For(was).FindIndicator(code),
                    partnership.For(now_).FindIndicator(code));
                if (then is null
                    || later is null
                    || !later.Compares(was, now_)
                    || !then.Agencies.SequenceEqual(later.Agencies))
                {
                    continue;
                }

                var before = series[q - 1].GetProperty("value").GetDouble();
                var now = series[q].GetProperty("value").GetDouble();
                Assert.True(
                    Math.Abs(now - before) <= 0.06 * before,
                    $"{code} moved from {before} to {now} in {series[q].GetProperty("period").GetString()}");
            }
        }
    }

    private static SafeguardingIngest.Periods.ReportingPeriod Quarter(JsonElement point) =>
        SafeguardingIngest.Periods.ReportingPeriod.Parse(point.GetProperty("period").GetString()!);
}
