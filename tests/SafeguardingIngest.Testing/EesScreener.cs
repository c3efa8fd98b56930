using System.Globalization;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Testing;

/// <summary>
/// Checks a data file and its metadata against the rules the explore education statistics screener applies
/// before the service takes them (docs/publication.md lists them), and says every failure in words. Both files
/// are read with a csv reader (Sylvan), by column name, and the words accepted come from
/// <see cref="EesVocabulary"/>, never from the code that wrote the files.
/// </summary>
public static partial class EesScreener
{
    /// <summary>The metadata's columns, which the service reads by name.</summary>
    public static IReadOnlyList<string> MetadataColumns { get; } =
    [
        "col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint",
        "filter_grouping_column",
    ];

    /// <summary>
    /// Every failure of <paramref name="csv"/> and its <paramref name="metadata"/>; none where both pass.
    /// </summary>
    public static IReadOnlyList<string> Check(string csv, string metadata)
    {
        var data = ScreenedFile.Read(csv);
        var meta = ScreenedFile.Read(metadata);
        var failures = new ScreenerFailures();
        CheckCompulsoryColumns(data, failures);
        CheckTime(data, failures);
        CheckGeography(data, failures);
        CheckNoTotals(data, failures);
        var described = CheckMetadata(data, meta, failures);
        CheckUndescribedColumns(data, described, failures);
        var filters = described.Where(d => d.Value == "Filter").Select(d => d.Key).ToList();
        CheckFilters(data, filters, failures);
        CheckIndicators(data, [.. described.Where(d => d.Value == "Indicator").Select(d => d.Key)], failures);
        CheckDuplicates(data, filters, failures);
        return failures.Lines();
    }

    private static void CheckCompulsoryColumns(ScreenedFile data, ScreenerFailures failures)
    {
        foreach (var column in EesVocabulary.CompulsoryColumns.Where(c => !data.Has(c)))
        {
            failures.Add($"csv: the compulsory column {column} is missing");
        }

        for (var r = 0; r < data.Rows.Count; r++)
        {
            foreach (var column in EesVocabulary.CompulsoryColumns.Where(data.Has))
            {
                if (data.Rows[r][column].Length == 0)
                {
                    failures.Add($"csv: the compulsory column {column} is blank", r + 1);
                }
            }
        }
    }

    private static void CheckTime(ScreenedFile data, ScreenerFailures failures)
    {
        if (!data.Has("time_period") || !data.Has("time_identifier"))
        {
            return;
        }

        for (var r = 0; r < data.Rows.Count; r++)
        {
            var (period, identifier) = (data.Rows[r]["time_period"], data.Rows[r]["time_identifier"]);
            if (EesVocabulary.SpanningYears.Contains(identifier))
            {
                if (!IsSpanningYear(period))
                {
                    failures.Add(
                        $"csv: time_period {period} is not six digits of two consecutive years, as {identifier} asks",
                        r + 1);
                }
            }
            else if (EesVocabulary.SingleYears.Contains(identifier))
            {
                if (!FourDigits().IsMatch(period))
                {
                    failures.Add($"csv: time_period {period} is not a year's four digits, as {identifier} asks", r + 1);
                }
            }
            else
            {
                failures.Add($"csv: time_identifier '{identifier}' is not one the service knows", r + 1);
            }
        }
    }

    private static bool IsSpanningYear(string period)
    {
        if (!SixDigits().IsMatch(period))
        {
            return false;
        }

        var first = int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var second = int.Parse(period.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return (first + 1) % 100 == second;
    }

    private static void CheckGeography(ScreenedFile data, ScreenerFailures failures)
    {
        if (!data.Has("geographic_level"))
        {
            return;
        }

        for (var r = 0; r < data.Rows.Count; r++)
        {
            var level = data.Rows[r]["geographic_level"];
            if (!EesVocabulary.GeographicLevels.Contains(level))
            {
                failures.Add($"csv: geographic_level '{level}' is not one the service knows", r + 1);
                continue;
            }

            foreach (var column in EesVocabulary.ColumnsByLevel.GetValueOrDefault(level, []))
            {
                if (!data.Has(column))
                {
                    failures.Add($"csv: the column {column}, compulsory at the {level} level, is missing");
                }
                else if (data.Rows[r][column].Length == 0)
                {
                    failures.Add($"csv: {column} is blank on a {level} row", r + 1);
                }
            }
        }
    }

    private static void CheckNoTotals(ScreenedFile data, ScreenerFailures failures)
    {
        var units = data.Columns.Where(EesVocabulary.ObservationalUnits.Contains).ToList();
        for (var r = 0; r < data.Rows.Count; r++)
        {
            foreach (var column in units.Where(c => EesVocabulary.Totals.Contains(data.Rows[r][c])))
            {
                failures.Add($"csv: the observational unit {column} holds '{data.Rows[r][column]}'", r + 1);
            }
        }
    }

    /// <summary>Checks the metadata's rows, and gives each csv column it describes with its type.</summary>
    private static Dictionary<string, string> CheckMetadata(
        ScreenedFile data,
        ScreenedFile meta,
        ScreenerFailures failures)
    {
        foreach (var column in MetadataColumns.Where(c => !meta.Has(c)))
        {
            failures.Add($"metadata: the column {column} is missing");
        }

        var described = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < meta.Rows.Count; r++)
        {
            var name = meta.Field(r, "col_name");
            var type = meta.Field(r, "col_type");
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                failures.Add($"metadata: col_name '{name}' has a space", r + 1);
            }
            else if (!SnakeCase().IsMatch(name))
            {
                failures.Add($"metadata: col_name '{name}' is not snake_case", r + 1);
            }

            if (!data.Has(name))
            {
                failures.Add($"metadata: col_name {name} is not a column of the csv", r + 1);
            }

            if (EesVocabulary.ObservationalUnits.Contains(name))
            {
                failures.Add($"metadata: {name} is an observational unit, which the metadata must not list", r + 1);
            }

            if (type is not ("Filter" or "Indicator"))
            {
                failures.Add($"metadata: {name}'s col_type '{type}' is neither Filter nor Indicator", r + 1);
            }
            else if (!described.TryAdd(name, type))
            {
                failures.Add($"metadata: {name} is listed more than once", r + 1);
            }

            var label = meta.Field(r, "label");
            if (label.Trim().Length == 0)
            {
                failures.Add($"metadata: {name} has no label", r + 1);
            }
            else if (!labels.Add(label))
            {
                failures.Add($"metadata: {name}'s label '{label}' is another column's too", r + 1);
            }

            if (type == "Filter")
            {
                CheckFilterRow(meta, r, name, failures);
            }
            else if (type == "Indicator")
            {
                CheckIndicatorRow(meta, r, name, failures);
            }
        }

        return described;
    }

    private static void CheckFilterRow(ScreenedFile meta, int r, string name, ScreenerFailures failures)
    {
        foreach (var column in new[] { "indicator_grouping", "indicator_unit", "indicator_dp" })
        {
            if (meta.Field(r, column).Length > 0)
            {
                failures.Add($"metadata: the filter {name} has an {column}, which must be blank for a filter", r + 1);
            }
        }
    }

    private static void CheckIndicatorRow(ScreenedFile meta, int r, string name, ScreenerFailures failures)
    {
        var unit = meta.Field(r, "indicator_unit");
        if (!EesVocabulary.IndicatorUnits.Contains(unit))
        {
            failures.Add($"metadata: the indicator {name}'s unit '{unit}' is not one the service knows", r + 1);
        }

        // The service takes a blank indicator_dp (figures shown as written); where given it is a whole number.
        var places = meta.Field(r, "indicator_dp");
        if (places.Length > 0 && !WholeNumber().IsMatch(places))
        {
            failures.Add(
                $"metadata: the indicator {name}'s indicator_dp '{places}' is not a whole number of 0 or more",
                r + 1);
        }

        foreach (var column in new[] { "filter_hint", "filter_grouping_column" })
        {
            if (meta.Field(r, column).Length > 0)
            {
                failures.Add(
                    $"metadata: the indicator {name} has a {column}, which must be blank for an indicator",
                    r + 1);
            }
        }
    }

    private static void CheckUndescribedColumns(
        ScreenedFile data,
        Dictionary<string, string> described,
        ScreenerFailures failures)
    {
        var undescribed = data.Columns
            .Where(c => !EesVocabulary.ObservationalUnits.Contains(c) && !described.ContainsKey(c));
        foreach (var column in undescribed)
        {
            var values = data.Rows.Select(row => row[column]).Distinct(StringComparer.Ordinal).Count();
            if (values > 1)
            {
                failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"csv: the column {column} holds {values} values but is not in the metadata"));
            }
        }
    }

    private static void CheckFilters(ScreenedFile data, IReadOnlyList<string> filters, ScreenerFailures failures)
    {
        foreach (var filter in filters.Where(data.Has))
        {
            var values = data.Rows.Select(row => row[filter]).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count < 2)
            {
                failures.Add($"metadata: the filter {filter} has one value in the csv, so must be left out");
            }

            for (var r = 0; r < data.Rows.Count; r++)
            {
                var value = data.Rows[r][filter];
                if (value.Length == 0)
                {
                    failures.Add($"csv: the filter {filter} is blank", r + 1);
                }
                else if (value.Trim().Length != value.Length)
                {
                    failures.Add($"csv: the filter {filter}'s value '{value}' has a space at its start or end", r + 1);
                }
            }
        }
    }

    private static void CheckIndicators(ScreenedFile data, IReadOnlyList<string> indicators, ScreenerFailures failures)
    {
        foreach (var indicator in indicators.Where(data.Has))
        {
            for (var r = 0; r < data.Rows.Count; r++)
            {
                var value = data.Rows[r][indicator];
                if (value.Length == 0)
                {
                    failures.Add($"csv: the indicator {indicator} is blank", r + 1);
                }
                else if (EesVocabulary.LegacySymbols.Contains(value))
                {
                    failures.Add($"csv: the indicator {indicator} holds the legacy symbol '{value}'", r + 1);
                }
                else if (!EesVocabulary.Symbols.Contains(value) && !Number().IsMatch(value))
                {
                    failures.Add($"csv: the indicator {indicator}'s '{value}' is neither a number nor a symbol", r + 1);
                }
            }
        }
    }

    private static void CheckDuplicates(ScreenedFile data, IReadOnlyList<string> filters, ScreenerFailures failures)
    {
        var key = data.Columns
            .Where(c => EesVocabulary.ObservationalUnits.Contains(c))
            .Concat(filters.Where(data.Has))
            .ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < data.Rows.Count; r++)
        {
            var row = data.Rows[r];
            var fields = string.Join('\u001f', key.Select(c => row[c]));
            if (!seen.TryAdd(fields, r + 1))
            {
                failures.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"csv: a row repeats row {seen[fields]}'s observational units and filters"),
                    r + 1);
            }
        }
    }

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Number();

    /// <summary>A csv file read by column name: its header and its rows.</summary>
    private sealed record ScreenedFile(
        IReadOnlyList<string> Columns,
        IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
    {
        public static ScreenedFile Read(string text)
        {
            using var reader = CsvDataReader.Create(new StringReader(text.TrimStart('\uFEFF')));
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyDictionary<string, string>>();
            while (reader.Read())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < columns.Count; i++)
                {
                    row[columns[i]] = i < reader.RowFieldCount ? reader.GetString(i) : string.Empty;
                }

                rows.Add(row);
            }

            return new ScreenedFile(columns, rows);
        }

        public bool Has(string column) => Columns.Contains(column, StringComparer.Ordinal);

        public string Field(int row, string column) => Rows[row].GetValueOrDefault(column, string.Empty);
    }
}
