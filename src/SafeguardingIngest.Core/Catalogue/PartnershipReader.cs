using System.Globalization;
using System.Text.Json;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// Reads a partnership reference document (partnership.json) and checks it whole: types, ranges,
/// duplicates and cross-references. Every problem is reported with its JSON path; nothing half-read
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

    // Free-text fields a partnership may add for its own notes; anything else unknown is a typo.
    private static readonly HashSet<string> s_annotations = new(StringComparer.Ordinal) { "$schema", "description", "notes", "source" };

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
                $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }

        using (document)
        {
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

    private sealed class Walker
    {
        private readonly List<ReferenceDataProblem> _problems = [];

        public Partnership Partnership(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReferenceDataException("$", $"expected an object, found {Describe(root)}");
            }

            Known(root, "$", "partnership", "returnsDueDays", "agencies", "localities", "populations", "indicators");
            var name = RequiredString(root, "$", "partnership");
            var due = RequiredInt(root, "$", "returnsDueDays", 0, 366);
            var agencies = Items(root, "$", "agencies", required: true, ReadAgency);
            var localities = Items(root, "$", "localities", required: false, ReadLocality);
            Unique(agencies, a => a.Code, "agency code");
            Unique(localities, l => l.Code, "locality code");
            for (var i = 0; i < localities.Count; i++)
            {
                if (string.Equals(localities[i].Item.Code, Locality.WholeAreaCode, StringComparison.OrdinalIgnoreCase))
                {
                    Problem($"$.localities[{i}].code", $"'{Locality.WholeAreaCode}' is reserved for the whole area");
                }
            }

            var agencyCodes = agencies.Select(a => a.Item.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var localityCodes = localities.Select(l => l.Item.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            localityCodes.Add(Locality.WholeAreaCode);

            var populations = Items(root, "$", "populations", required: false, (e, p) => ReadPopulation(e, p, localityCodes));
            Unique(populations, x => $"{x.Locality} {x.Year}", "population for locality and year");
            var indicators = Items(root, "$", "indicators", required: true, (e, p) => ReadIndicator(e, p, agencyCodes, localities.Count > 0));
            Unique(indicators, i => NameKey.Fold(i.Code), "indicator code");
            foreach (var (at, message) in IndicatorLinks.Check(indicators))
            {
                Problem(at, message);
            }

            if (_problems.Count > 0)
            {
                throw new ReferenceDataException(_problems);
            }

            return new Partnership(
                name!,
                due!.Value,
                agencies.Select(a => a.Item).ToList(),
                localities.Select(l => l.Item).ToList(),
                populations.Select(p => p.Item).ToList(),
                indicators.Select(i => i.Item).ToList());
        }

        private Agency? ReadAgency(JsonElement e, string path)
        {
            Known(e, path, "code", "name", "contact");
            var code = RequiredCode(e, path, "code");
            var name = RequiredString(e, path, "name");
            var contact = e.TryGetProperty("contact", out var given) ? RequiredString(e, path, "contact") : null;
            return code is null || name is null ? null : new Agency(code, name) { Contact = contact };
        }

        private Locality? ReadLocality(JsonElement e, string path)
        {
            Known(e, path, "code", "name");
            var code = RequiredCode(e, path, "code");
            var name = RequiredString(e, path, "name");
            return code is null || name is null ? null : new Locality(code, name);
        }

        private Population? ReadPopulation(JsonElement e, string path, HashSet<string> localityCodes)
        {
            Known(e, path, "locality", "year", "under18");
            var locality = RequiredString(e, path, "locality");
            if (locality is not null && !localityCodes.Contains(locality))
            {
                Problem(path + ".locality", $"'{locality}' is not one of the localities");
                locality = null;
            }

            var year = RequiredYear(e, path, "year");
            var under18 = RequiredLong(e, path, "under18", 1, 100_000_000);
            return locality is null || year is null || under18 is null ? null : new Population(locality, year.Value, under18.Value);
        }

        private Indicator? ReadIndicator(JsonElement e, string path, HashSet<string> agencyCodes, bool haveLocalities)
        {
            Known(e, path, "code", "title", "unit", "polarity", "agencies", "byLocality", "kind", "cumulative", "baseline", "targets", "tolerance", "min", "max", "maxQuarterlyChange",
                "sameCountAs", "partOf", "numeratorOf", "denominatorOf");
            var code = RequiredString(e, path, "code");
            var title = RequiredString(e, path, "title");
            var unit = RequiredEnum<IndicatorUnit>(e, path, "unit", "count, percentage, ratePer10000, average");
            var polarity = RequiredEnum<Polarity>(e, path, "polarity", "lowerIsBetter, higherIsBetter, none");
            var owing = ReadAgencyList(e, path, agencyCodes);
            var byLocality = OptionalBool(e, path, "byLocality");
            var cumulative = OptionalBool(e, path, "cumulative");
            if (cumulative && unit is not null and not IndicatorUnit.Count)
            {
                Problem(path + ".cumulative", "only a count can be cumulative; a ratio's year to date is the ratio of the sums");
            }

            var declared = e.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind != JsonValueKind.Null
                ? RequiredEnum<MeasureKind>(e, path, "kind", "flow, stock")
                : null;
            if (declared == MeasureKind.Stock && cumulative)
            {
                Problem(path + ".kind", "a cumulative count adds up over the year, so it is a flow, not a stock");
            }

            var kind = declared ?? DefaultKind(unit, cumulative);

            if (byLocality && !haveLocalities)
            {
                Problem(path + ".byLocality", "the partnership has no localities to break it down by");
            }

            var baseline = ReadBaseline(e, path);
            var targets = ReadTargets(e, path);
            if (polarity == Polarity.None && targets.Count > 0)
            {
                Problem(path + ".targets", "an indicator tracked for direction only (polarity none) cannot have targets");
            }

            var tolerance = OptionalNumber(e, path, "tolerance", 0, 100);
            var min = OptionalNumber(e, path, "min", double.MinValue, double.MaxValue);
            var max = OptionalNumber(e, path, "max", double.MinValue, double.MaxValue);
            if (min is not null && max is not null && min > max)
            {
                Problem(path + ".min", $"min ({Format(min.Value)}) is above max ({Format(max.Value)})");
            }

            if (unit == IndicatorUnit.Percentage && (min < 0 || max > 100))
            {
                Problem(path + (min < 0 ? ".min" : ".max"), "a percentage lies between 0 and 100");
            }

            var change = OptionalNumber(e, path, "maxQuarterlyChange", 0, 1_000_000);
            if (code is null || title is null || unit is null || polarity is null || owing is null)
            {
                return null;
            }

            return new Indicator
            {
                Code = code,
                Title = title,
                Unit = unit.Value,
                Polarity = polarity.Value,
                Agencies = owing,
                ByLocality = byLocality,
                Kind = kind,
                Baseline = baseline,
                Targets = targets,
                Tolerance = tolerance,
                Min = min,
                Max = max,
                MaxQuarterlyChange = change,
                Links = new IndicatorLinks
                {
                    SameCountAs = OptionalCode(e, path, "sameCountAs"),
                    PartOf = OptionalCode(e, path, "partOf"),
                    NumeratorOf = OptionalCodes(e, path, "numeratorOf"),
                    DenominatorOf = OptionalCodes(e, path, "denominatorOf"),
                },
            };
        }

        private string? OptionalCode(JsonElement e, string path, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? RequiredCode(e, path, name) : null;

        private List<string> OptionalCodes(JsonElement e, string path, string name)
        {
            var codes = new List<string>();
            if (!e.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return codes;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                Problem($"{path}.{name}", $"expected an array of indicator codes, found {Describe(list)}");
                return codes;
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    codes.Add(item.GetString()!.Trim());
                }
                else
                {
                    Problem($"{path}.{name}[{index}]", $"expected an indicator code, found {Describe(item)}");
                }

                index++;
            }

            return codes;
        }

        /// <summary>
        /// Where a catalogue says nothing: a count is a flow if it is cumulative and a stock if not (as
        /// catalogues written before kinds were declared meant it); a percentage or an average is a flow
        /// (the ratio of the year's sums); a rate per 10,000 is a stock (children on a plan per 10,000).
        /// </summary>
        private static MeasureKind DefaultKind(IndicatorUnit? unit, bool cumulative) => unit switch
        {
            IndicatorUnit.Count => cumulative ? MeasureKind.Flow : MeasureKind.Stock,
            IndicatorUnit.RatePer10000 => MeasureKind.Stock,
            _ => MeasureKind.Flow,
        };

        private List<string>? ReadAgencyList(JsonElement e, string path, HashSet<string> agencyCodes)
        {
            var listPath = path + ".agencies";
            if (!e.TryGetProperty("agencies", out var list))
            {
                Problem(listPath, "required: the codes of the agencies that must return this indicator");
                return null;
            }

            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                Problem(listPath, $"expected a non-empty array of agency codes, found {Describe(list)}");
                return null;
            }

            var codes = new List<string>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var itemPath = $"{listPath}[{index++}]";
                if (item.ValueKind != JsonValueKind.String)
                {
                    Problem(itemPath, $"expected an agency code, found {Describe(item)}");
                }
                else if (!agencyCodes.TryGetValue(item.GetString()!, out var known))
                {
                    Problem(itemPath, $"'{item.GetString()}' is not one of the agencies");
                }
                else if (codes.Contains(known, StringComparer.OrdinalIgnoreCase))
                {
                    Problem(itemPath, $"'{known}' is listed twice");
                }
                else
                {
                    codes.Add(known);
                }
            }

            return codes;
        }

        private Baseline? ReadBaseline(JsonElement e, string path)
        {
            if (!e.TryGetProperty("baseline", out var baseline) || baseline.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var baselinePath = path + ".baseline";
            if (baseline.ValueKind != JsonValueKind.Object)
            {
                Problem(baselinePath, $"expected an object {{year, value}}, found {Describe(baseline)}");
                return null;
            }

            Known(baseline, baselinePath, "year", "value");
            var year = RequiredString(baseline, baselinePath, "year");
            var value = RequiredNumber(baseline, baselinePath, "value");
            return year is null || value is null ? null : new Baseline(year, value.Value);
        }

        private Dictionary<FinancialYear, double> ReadTargets(JsonElement e, string path)
        {
            var targets = new Dictionary<FinancialYear, double>();
            if (!e.TryGetProperty("targets", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return targets;
            }

            var targetsPath = path + ".targets";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem(targetsPath, $"expected an object of year: value, found {Describe(element)}");
                return targets;
            }

            foreach (var property in element.EnumerateObject())
            {
                var targetPath = $"{targetsPath}['{property.Name}']";
                if (!FinancialYear.TryParse(property.Name, out var year))
                {
                    Problem(targetPath, $"'{property.Name}' is not a financial year; write it like 2025-26");
                }
                else if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value) || !double.IsFinite(value))
                {
                    Problem(targetPath, $"expected a number, found {Describe(property.Value)}");
                }
                else if (!targets.TryAdd(year, value))
                {
                    Problem(targetPath, $"a second target for {year}");
                }
            }

            return targets;
        }

        private List<(T Item, string Path)> Items<T>(JsonElement parent, string path, string name, bool required, Func<JsonElement, string, T?> read)
            where T : class
        {
            var items = new List<(T, string)>();
            var listPath = $"{path}.{name}";
            if (!parent.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(listPath, "required");
                }

                return items;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                Problem(listPath, $"expected an array, found {Describe(list)}");
                return items;
            }

            if (required && list.GetArrayLength() == 0)
            {
                Problem(listPath, "must not be empty");
            }

            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var itemPath = $"{listPath}[{index++}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Problem(itemPath, $"expected an object, found {Describe(element)}");
                    continue;
                }

                if (read(element, itemPath) is { } item)
                {
                    items.Add((item, itemPath));
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

        private void Known(JsonElement element, string path, params string[] names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal) && !s_annotations.Contains(property.Name))
                {
                    var hint = names.FirstOrDefault(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase))
                        ?? NearestMatch.Find(property.Name, names.Select(n => (NameKey.Fold(n), n)));
                    Problem($"{path}.{property.Name}", hint is null
                        ? $"unknown field; expected one of {string.Join(", ", names)}"
                        : $"unknown field; did you mean '{hint}'?");
                }
            }
        }

        private string? RequiredString(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                Problem($"{path}.{name}", "required");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem($"{path}.{name}", $"expected non-empty text, found {Describe(value)}");
                return null;
            }

            return value.GetString()!.Trim();
        }

        private string? RequiredCode(JsonElement e, string path, string name)
        {
            var code = RequiredString(e, path, name);
            if (code is not null && NameKey.Fold(code).Length == 0)
            {
                Problem($"{path}.{name}", $"'{code}' has no letters or digits");
                return null;
            }

            return code;
        }

        private int? RequiredInt(JsonElement e, string path, string name, int min, int max)
        {
            var value = RequiredLong(e, path, name, min, max);
            return value is null ? null : (int)value.Value;
        }

        private long? RequiredLong(JsonElement e, string path, string name, long min, long max)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                Problem($"{path}.{name}", "required");
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            {
                Problem($"{path}.{name}", $"expected a whole number, found {Describe(value)}");
                return null;
            }

            if (number < min || number > max)
            {
                Problem($"{path}.{name}", $"{number} is outside {min} to {max}");
                return null;
            }

            return number;
        }

        private double? RequiredNumber(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out _))
            {
                Problem($"{path}.{name}", "required");
                return null;
            }

            return OptionalNumber(e, path, name, double.MinValue, double.MaxValue);
        }

        private double? OptionalNumber(JsonElement e, string path, string name, double min, double max)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                Problem($"{path}.{name}", $"expected a number, found {Describe(value)}");
                return null;
            }

            if (number < min || number > max)
            {
                Problem($"{path}.{name}", $"{Format(number)} is outside {Format(min)} to {Format(max)}");
                return null;
            }

            return number;
        }

        private bool OptionalBool(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem($"{path}.{name}", $"expected true or false, found {Describe(value)}");
                return false;
            }

            return value.GetBoolean();
        }

        private FinancialYear? RequiredYear(JsonElement e, string path, string name)
        {
            var text = RequiredString(e, path, name);
            if (text is null)
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

        private T? RequiredEnum<T>(JsonElement e, string path, string name, string allowed)
            where T : struct, Enum
        {
            var text = RequiredString(e, path, name);
            if (text is null)
            {
                return null;
            }

            if (!Enum.TryParse<T>(text, ignoreCase: true, out var value) || !Enum.IsDefined(value) || char.IsAsciiDigit(text[0]))
            {
                Problem($"{path}.{name}", $"'{text}' is not one of {allowed}");
                return null;
            }

            return value;
        }

        private void Problem(string path, string reason) => _problems.Add(new ReferenceDataProblem(path, reason));

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"\"{value.GetString()}\"",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => value.ValueKind.ToString(),
        };

        private static string Format(double value) => value switch
        {
            double.MinValue => "-∞",
            double.MaxValue => "∞",
            _ => value.ToString("0.###", CultureInfo.InvariantCulture),
        };
    }
}
