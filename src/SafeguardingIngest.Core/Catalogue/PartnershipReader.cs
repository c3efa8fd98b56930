using System.Globalization;
using System.Text.Json;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// Reads a partnership reference document (partnership.json) and checks it whole: its shape against
/// the published JSON Schema (docs/partnership.schema.json), then by hand what a schema cannot say
/// (codes that point nowhere, duplicates, dates that end before they start or miss each other, a series
/// break outside an indicator's dates). Every problem is reported with its JSON path; nothing half-read
/// is ever returned.
/// </summary>
public static class PartnershipReader
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>Reads reference data from a file.</summary>
    public static Partnership ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads reference data from UTF-8 JSON.</summary>
    public static Partnership Read(Stream utf8Json)
    {
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, s_options);
        }
        catch (JsonException e)
        {
            throw new ReferenceDataException(
                e.Path ?? "$",
                $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: " +
                $"{FirstSentence(e.Message)}");
        }

        using (document)
        {
            var shape = PartnershipSchema.Check(document.RootElement);
            if (shape.Count > 0)
            {
                throw new ReferenceDataException(shape);
            }

            var partnership = new Walker().Partnership(document.RootElement);
            partnership.Digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));
            return partnership;
        }
    }

    /// <summary>Reads reference data from a JSON string.</summary>
    public static Partnership Parse(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(stream);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>Builds the records from a document the schema has passed, checking what it cannot.</summary>
    private sealed class Walker
    {
        private readonly List<ReferenceDataProblem> _problems = [];

        public Partnership Partnership(JsonElement root)
        {
            var agencies = Items(root, "agencies", ReadAgency);
            var localities = Items(root, "localities", ReadLocality);
            Unique(agencies, a => a.Code, "agency code");
            Unique(localities, l => l.Code, "locality code");
            foreach (var (locality, path) in localities.Where(l => Same(l.Item.Code, Locality.WholeAreaCode)))
            {
                Problem(path + ".code", $"'{Locality.WholeAreaCode}' is reserved for the whole area");
            }

            var agencyDates = new Dictionary<string, InForce>(StringComparer.OrdinalIgnoreCase);
            foreach (var (agency, _) in agencies)
            {
                agencyDates.TryAdd(agency.Code, agency.Dates);
            }

            var localityCodes = localities.Select(l => l.Item.Code)
                .Append(Locality.WholeAreaCode)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var populations = Items(root, "populations", (e, p) => ReadPopulation(e, p, localityCodes));
            Unique(populations, x => $"{x.Locality} {x.Year}", "population for locality and year");
            var indicators = Items(
                root, "indicators", (e, p) => ReadIndicator(e, p, agencyDates, localities.Count > 0));
            Unique(indicators, i => NameKey.Fold(i.Code), "indicator code");
            KindsDeclaredFromTheStart(root, indicators);
            foreach (var (at, message) in IndicatorLinks.Check(indicators))
            {
                Problem(at, message);
            }

            var (comparators, comparatorProblems) =
                ComparatorsReader.Read(root, indicators.Select(i => i.Item).ToList());
            _problems.AddRange(comparatorProblems);

            if (_problems.Count > 0)
            {
                throw new ReferenceDataException(_problems);
            }

            return new Partnership(
                Text(root, "partnership")!,
                root.GetProperty("returnsDueDays").GetInt32(),
                agencies.Select(a => a.Item).ToList(),
                localities.Select(l => l.Item).ToList(),
                populations.Select(p => p.Item).ToList(),
                indicators.Select(i => i.Item).ToList())
            {
                Comparators = comparators,
                Geography = ReadGeography(root),
            };
        }

        /// <summary>The area's geography, where given; the schema has checked each field's shape.</summary>
        private static Geography? ReadGeography(JsonElement root) =>
            root.TryGetProperty("geography", out var g) && g.ValueKind == JsonValueKind.Object
                ? new Geography(
                    Text(g, "countryCode")!,
                    Text(g, "countryName")!,
                    Text(g, "regionCode")!,
                    Text(g, "regionName")!,
                    Text(g, "oldLaCode")!,
                    Text(g, "newLaCode")!,
                    Text(g, "laName")!)
                : null;

        private Agency? ReadAgency(JsonElement e, string path)
        {
            var code = Code(e, path);
            var dates = Dates(e, path);
            return code is null
                ? null
                : new Agency(code, Text(e, "name")!) { Contact = Text(e, "contact"), Dates = dates };
        }

        private Locality? ReadLocality(JsonElement e, string path)
        {
            var code = Code(e, path);
            var dates = Dates(e, path);
            return code is null ? null : new Locality(code, Text(e, "name")!) { Dates = dates };
        }

        private Population? ReadPopulation(JsonElement e, string path, HashSet<string> localityCodes)
        {
            var locality = Text(e, "locality")!;
            if (!localityCodes.Contains(locality))
            {
                Problem(path + ".locality", $"'{locality}' is not one of the localities");
            }

            var year = Year(e, path, "year");
            return year is null ? null : new Population(locality, year.Value, e.GetProperty("under18").GetInt64());
        }

        private Indicator? ReadIndicator(
            JsonElement e,
            string path,
            Dictionary<string, InForce> agencies,
            bool haveLocalities)
        {
            var code = Text(e, "code")!;
            var unit = Enum.Parse<IndicatorUnit>(Text(e, "unit")!, ignoreCase: true);
            var polarity = Enum.Parse<Polarity>(Text(e, "polarity")!, ignoreCase: true);
            var dates = Dates(e, path);
            var owing = ReadAgencyList(e, path, code, dates, agencies);
            var byLocality = Flag(e, "byLocality");
            var cumulative = Flag(e, "cumulative");
            if (cumulative && unit != IndicatorUnit.Count)
            {
                Problem(path + ".cumulative",
                    "only a count can be cumulative; a ratio's year to date is the ratio of the sums");
            }

            MeasureKind? declared = Text(e, "kind") is { } kindText
                ? Enum.Parse<MeasureKind>(kindText, ignoreCase: true)
                : null;
            if (declared == MeasureKind.Stock && cumulative)
            {
                Problem(path + ".kind", "a cumulative count adds up over the year, so it is a flow, not a stock");
            }

            if (byLocality && !haveLocalities)
            {
                Problem(path + ".byLocality", "the partnership has no localities to break it down by");
            }

            var targets = ReadTargets(e, path);
            if (polarity == Polarity.None && targets.Count > 0)
            {
                Problem(path + ".targets",
                    "an indicator tracked for direction only (polarity none) cannot have targets");
            }

            var min = Number(e, "min");
            var max = Number(e, "max");
            if (min is not null && max is not null && min > max)
            {
                Problem(path + ".min", $"min ({Format(min.Value)}) is above max ({Format(max.Value)})");
            }

            if (unit == IndicatorUnit.Percentage && (min < 0 || max > 100))
            {
                Problem(path + (min < 0 ? ".min" : ".max"), "a percentage lies between 0 and 100");
            }

            var seriesBreak = SeriesBreak(e, path, code, dates);
            return new Indicator
            {
                Code = code,
                Title = Text(e, "title")!,
                Unit = unit,
                Polarity = polarity,
                Agencies = owing,
                ByLocality = byLocality,
                Kind = declared ?? DefaultKind(unit, cumulative),
                Baseline = e.TryGetProperty("baseline", out var b) && b.ValueKind == JsonValueKind.Object
                    ? new Baseline(Text(b, "year")!, b.GetProperty("value").GetDouble())
                    : null,
                Targets = targets,
                Tolerance = Number(e, "tolerance"),
                Min = min,
                Max = max,
                MaxQuarterlyChange = Number(e, "maxQuarterlyChange"),
                Dates = dates,
                SeriesBreak = seriesBreak,
                SeriesBreakNote = Text(e, "seriesBreakNote"),
                Links = new IndicatorLinks
                {
                    SameCountAs = Text(e, "sameCountAs"),
                    PartOf = Text(e, "partOf"),
                    NumeratorOf = Texts(e, "numeratorOf"),
                    DenominatorOf = Texts(e, "denominatorOf"),
                },
            };
        }

        /// <summary>
        /// Where a catalogue says nothing: a count is a flow if it is cumulative and a stock if not (as
        /// catalogues written before kinds were declared meant it); a percentage or an average is a flow
        /// (the ratio of the year's sums); a rate per 10,000 is a stock (children on a plan per 10,000).
        /// </summary>
        private static MeasureKind DefaultKind(IndicatorUnit unit, bool cumulative) => unit switch
        {
            IndicatorUnit.Count => cumulative ? MeasureKind.Flow : MeasureKind.Stock,
            IndicatorUnit.RatePer10000 => MeasureKind.Stock,
            _ => MeasureKind.Flow,
        };

        /// <summary>
        /// Once a catalogue declares kinds, an indicator that starts in a later year must declare its own:
        /// the default above is for catalogues written before kinds existed, not for new indicators.
        /// </summary>
        private void KindsDeclaredFromTheStart(JsonElement root, List<(Indicator Item, string Path)> indicators)
        {
            var elements = root.GetProperty("indicators").EnumerateArray().ToList();
            bool Declares(int i) =>
                elements[i].TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String;
            var declaring = Enumerable.Range(0, elements.Count).Where(Declares).ToList();
            if (declaring.Count == 0)
            {
                return;
            }

            // An indicator with no start has been in force from the beginning.
            var starts = indicators.ToDictionary(i => i.Path, i => i.Item.Dates.From?.Year);
            var first = declaring.Select(i => starts.GetValueOrDefault($"$.indicators[{i}]")).Min();
            foreach (var (indicator, path) in indicators)
            {
                var index = int.Parse(path["$.indicators[".Length..^1], CultureInfo.InvariantCulture);
                if (!Declares(index) && indicator.Dates.From?.Year is { } start && (first is null || start > first))
                {
                    Problem(path + ".kind",
                        $"required: {indicator.Code} starts in {start}, after the catalogue first declares kinds" +
                        (first is null ? string.Empty : $" ({first})") + "; say flow or stock");
                }
            }
        }

        private List<string> ReadAgencyList(
            JsonElement e,
            string path,
            string code,
            InForce dates,
            Dictionary<string, InForce> agencies)
        {
            var codes = new List<string>();
            var index = 0;
            foreach (var item in e.GetProperty("agencies").EnumerateArray())
            {
                var itemPath = $"{path}.agencies[{index++}]";
                var text = item.GetString()!.Trim();
                if (!agencies.TryGetValue(text, out var agencyDates))
                {
                    Problem(itemPath, $"'{text}' is not one of the agencies");
                    continue;
                }

                var known = agencies.Keys.First(k => Same(k, text));
                if (codes.Contains(known, StringComparer.OrdinalIgnoreCase))
                {
                    Problem(itemPath, $"'{known}' is listed twice");
                }
                else if (!agencyDates.Overlaps(dates))
                {
                    Problem(itemPath, $"'{known}' ({agencyDates}) owes no return while {code} is collected ({dates})");
                }
                else
                {
                    codes.Add(known);
                }
            }

            return codes;
        }

        private FinancialYear? SeriesBreak(JsonElement e, string path, string code, InForce dates)
        {
            if (Text(e, "seriesBreakNote") is not null && !e.TryGetProperty("seriesBreak", out _))
            {
                Problem(path + ".seriesBreakNote",
                    "a note says what changed at a series break; give the seriesBreak year too");
            }

            if (Year(e, path, "seriesBreak") is not { } year)
            {
                return null;
            }

            // The break year must have a year before it in which the indicator was collected, and be collected itself.
            if (!dates.Touches(year) || !dates.Touches(year.Previous()))
            {
                Problem(path + ".seriesBreak",
                    $"{year} is not a year {code} is collected after a year it was collected ({dates})");
            }

            return year;
        }

        private Dictionary<FinancialYear, double> ReadTargets(JsonElement e, string path)
        {
            var targets = new Dictionary<FinancialYear, double>();
            if (!e.TryGetProperty("targets", out var element) || element.ValueKind != JsonValueKind.Object)
            {
                return targets;
            }

            foreach (var property in element.EnumerateObject())
            {
                var targetPath = $"{path}.targets['{property.Name}']";
                if (!FinancialYear.TryParse(property.Name, out var year))
                {
                    Problem(targetPath, $"'{property.Name}' is not a financial year; write it like 2025-26");
                }
                else if (!targets.TryAdd(year, property.Value.GetDouble()))
                {
                    Problem(targetPath, $"a second target for {year}");
                }
            }

            return targets;
        }

        private InForce Dates(JsonElement e, string path)
        {
            var from = Bound(e, path, "from");
            var until = Bound(e, path, "until");
            var dates = new InForce(from, until);
            if (dates.IsEmpty)
            {
                Problem(path + ".until", $"{until} ends before {from} starts");
                return InForce.Always;
            }

            return dates;
        }

        private CataloguePeriod? Bound(JsonElement e, string path, string name)
        {
            if (Text(e, name) is not { } text)
            {
                return null;
            }

            if (!CataloguePeriod.TryParse(text, out var period))
            {
                Problem($"{path}.{name}",
                    $"'{text}' is neither a financial year nor a quarter; write it like 2026-27 or 2026-27 Q2");
                return null;
            }

            return period;
        }

        private FinancialYear? Year(JsonElement e, string path, string name)
        {
            if (Text(e, name) is not { } text)
            {
                return null;
            }

            if (!FinancialYear.TryParse(text, out var year))
            {
                Problem($"{path}.{name}", $"'{text}' is not a financial year; write it like 2025-26");
                return null;
            }

            return year;
        }

        private string? Code(JsonElement e, string path)
        {
            var code = Text(e, "code")!;
            if (NameKey.Fold(code).Length == 0)
            {
                Problem(path + ".code", $"'{code}' has no letters or digits");
                return null;
            }

            return code;
        }

        private static List<(T Item, string Path)> Items<T>(
            JsonElement root,
            string name,
            Func<JsonElement, string, T?> read)
            where T : class
        {
            var items = new List<(T, string)>();
            if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return items;
            }

            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var path = $"$.{name}[{index++}]";
                if (read(element, path) is { } item)
                {
                    items.Add((item, path));
                }
            }

            return items;
        }

        private void Unique<T>(List<(T Item, string Path)> items, Func<T, string> key, string what)
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (item, path) in items)
            {
                var value = key(item);
                if (!seen.TryAdd(value, path))
                {
                    Problem(path, $"duplicate {what} '{value}' (first at {seen[value]})");
                }
            }
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!.Trim()
                : null;

        private static List<string> Texts(JsonElement e, string name) =>
            e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(i => i.GetString()!.Trim()).ToList()
                : [];

        private static double? Number(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

        private static bool Flag(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private void Problem(string path, string reason) => _problems.Add(new ReferenceDataProblem(path, reason));

        private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
