using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Reads and checks the Indicators table row by row: finds the header below any title rows,
/// resolves indicator and locality, reads and cross-checks the figures for the indicator's unit,
/// and hands each good row on as an observation. Finally checks every owed indicator and
/// locality was returned.
/// </summary>
internal sealed class IndicatorTable(IndicatorRowContext context, FindingCollector findings)
{
    private readonly RowsSeen _seen = new(context.Partnership.Localities.Count);
    private readonly List<ChangeToCheck> _changesToCheck = [];
    private string _sheet = CsvSpreadsheet.SheetName;
    private int _nearestScore;
    private string _sheetPrefix = CellReference.SheetPrefix(CsvSpreadsheet.SheetName);

    /// <summary>Observations handed to the sink.</summary>
    public int ObservationCount { get; private set; }

    /// <summary>True once a header row was found.</summary>
    public bool Found { get; private set; }

    /// <summary>
    /// Where no header row was found: the row of the sheets tried that names most columns (at least one),
    /// the first of equals; what the agency meant as headings, to be named back to them.
    /// </summary>
    public (string Sheet, HeaderRow Row)? NearestHeader { get; private set; }

    /// <summary>Tries the sheet under <paramref name="cursor"/>; false when it holds no Indicators table.</summary>
    public bool Read(ISheetCursor cursor)
    {
        _sheet = cursor.SheetName;
        _sheetPrefix = CellReference.SheetPrefix(_sheet);
        HeaderRow? header = null;
        while (header is null)
        {
            if (!cursor.Read() || cursor.RowNumber > HeaderRow.SearchRows)
            {
                return false;
            }

            var row = HeaderRow.Read(cursor, ColumnAliases.Indicators);
            if (row.Has(ReturnColumn.Indicator) && row.Recognised >= 2)
            {
                header = row;
            }
            else if (row.Headings.Count > 0 && MissingHeader.Score(row) is var score && score > _nearestScore)
            {
                (_nearestScore, NearestHeader) = (score, (_sheet, row));
            }
        }

        Found = true;
        CheckHeader(header);
        if (!header.Has(ReturnColumn.Value) && !header.Has(ReturnColumn.Numerator))
        {
            var unread = header.Unread.Count == 0 ? string.Empty
                : " The headings " +
                    $"{string.Join(", ", header.Unread.Select(h =>
                        $"'{h.Heading}' ({CellReference.Cell(h.Column, header.RowNumber)})"))}" +
                    " name no column; if the figures are under one of them, head it 'Value' or 'Numerator'.";
            findings.Add(Rules.ColumnMissing, _sheet, CellReference.Cell(0, header.RowNumber), null,
                "the Indicators table has no 'Value' or 'Numerator' column; add one (see the template)." + unread);
            return true;
        }

        var columns = Columns.Of(header);
        while (cursor.Read())
        {
            ReadRow(cursor, columns);
        }

        return true;
    }

    /// <summary>Reports every owed indicator and locality that no row gave.</summary>
    public void CheckCompleteness()
    {
        if (context.Agency is null)
        {
            return;
        }

        foreach (var indicator in context.Partnership.IndicatorsOwedBy(context.Agency.Code))
        {
            if (!indicator.ByLocality)
            {
                if (!_seen.Contains(indicator.Code, Locality.WholeAreaCode))
                {
                    findings.Add(Rules.IndicatorMissing, _sheet, null, null,
                        $"{indicator.Code} ({indicator.Title}) is missing; add a row for it.");
                }

                continue;
            }

            var missing = context.Partnership.Localities.Where(l => !_seen.Contains(indicator.Code, l.Code)).ToList();
            if (missing.Count == context.Partnership.Localities.Count &&
                !_seen.Contains(indicator.Code, Locality.WholeAreaCode))
            {
                findings.Add(Rules.IndicatorMissing, _sheet, null, null,
                    $"{indicator.Code} ({indicator.Title}) is missing; add a row for each locality.");
            }
            else if (missing.Count > 0)
            {
                findings.Add(Rules.LocalityMissing, _sheet, null, null,
                    $"{indicator.Code} is missing for {string.Join(", ", missing.Select(l => l.Name))}; add a row " +
                    "for each.");
            }
        }
    }

    private void CheckHeader(HeaderRow header)
    {
        foreach (var (column, heading) in header.Headings)
        {
            if (PersonalDataDetector.KindOfHeading(heading) is { } kind)
            {
                findings.Add(Rules.PersonalData, _sheet, CellReference.Cell(column, header.RowNumber), heading,
                    $"the column '{heading}' looks like {kind}; returns hold aggregate counts only. Remove the " +
                    "column and resend.");
            }
            else if (header.Unread.Contains((column, heading)))
            {
                // Never drop a column silently: its figures may be the ones the agency meant.
                var nearest = HeadingReader.Nearest(heading, ColumnAliases.Indicators);
                findings.Add(Rules.ColumnUnrecognised, _sheet, CellReference.Cell(column, header.RowNumber), heading,
                    $"the heading '{heading}' names no column of the return, so the column was not " +
                    $"read{(nearest is null ? "." : $"; did you mean {nearest}?")} Use the template's headings.");
            }
        }

        foreach (var (column, heading, taken) in header.Doubled)
        {
            var first = header.Headings.First(h => h.Column == taken).Heading;
            var meaning = HeadingReader.Column(heading, ColumnAliases.Indicators);
            findings.Add(Rules.ColumnAmbiguous, _sheet, CellReference.Cell(column, header.RowNumber), heading,
                $"'{heading}' and '{first}' ({CellReference.Cell(taken, header.RowNumber)}) both name the {meaning} " +
                $"column; {CellReference.Cell(taken, header.RowNumber)} was read and " +
                $"{CellReference.Cell(column, header.RowNumber)} was not. Rename or remove one of them.");
        }
    }

    private void ReadRow(ISheetCursor cursor, Columns columns)
    {
        var row = cursor.RowNumber;
        var indicatorCell = cursor[columns.Indicator];
        var numeratorCell = cursor[columns.Numerator];
        var denominatorCell = cursor[columns.Denominator];
        var valueCell = cursor[columns.Value];
        var noFigures = numeratorCell.IsBlank && denominatorCell.IsBlank && valueCell.IsBlank;
        var indicatorColumn = columns.Indicator;
        var commentary = columns.Commentary >= 0 ? CellText.Of(cursor[columns.Commentary]) : null;

        if (indicatorCell.IsBlank)
        {
            if (!noFigures)
            {
                findings.Add(Rules.IndicatorUnknown, _sheet, CellReference.Cell(indicatorColumn, row), null,
                    "this row has figures but no indicator; enter the indicator code.");
            }

            return;
        }

        var indicatorText = indicatorCell.Kind == CellKind.Text ? indicatorCell.Text!.Trim() : indicatorCell.Display()!;
        var indicator = context.Partnership.FindIndicator(indicatorText);
        if (indicator is null && context.Period is { } quarter &&
            context.Partnership.Whole.FindIndicator(indicatorText) is { } other &&
            other.Dates.Outside(other.Code, quarter, "is collected from", "was last collected in") is { } why)
        {
            findings.Add(Rules.IndicatorNotCollected, _sheet, CellReference.Cell(indicatorColumn, row), indicatorText,
                $"{why}, so it is not part of a {quarter} return; leave the row out.");
            return;
        }

        if (indicator is null)
        {
            // Text that names no indicator is screened before anything quotes it back: a note under the table,
            // or a name where a code belongs. A catalogue code or title needs no screening.
            if (PersonalDataDetector.KindInText(indicatorText) is { } personal)
            {
                findings.Add(Rules.PersonalData, _sheet, CellReference.Cell(indicatorColumn, row), null,
                    $"the text appears to contain {personal}; returns hold aggregate counts only. " +
                    "Remove it and resend.");
                return;
            }

            if (noFigures && LooksLikeNote(indicatorText))
            {
                return;
            }

            var suggestion = context.Partnership.SuggestIndicator(indicatorText);
            findings.Add(Rules.IndicatorUnknown, _sheet, CellReference.Cell(indicatorColumn, row), indicatorText,
                $"'{indicatorText}' is not an indicator in the catalogue" + (
                    suggestion is null ? "; check the code against the template." : $"; did you mean '{suggestion}'?"));
            return;
        }

        var locality = ResolveLocality(cursor, columns.Locality, indicator, row);
        if (locality is null)
        {
            return;
        }

        if (!_seen.TryAdd(indicator, locality, row, out var first))
        {
            var where = locality == Locality.WholeAreaCode ? "the whole area" : NameOf(locality);
            findings.Add(Rules.RowDuplicate, _sheet, CellReference.Cell(indicatorColumn, row), indicatorText,
                $"{indicator.Code} for {where} appears twice (first at row {first}); keep one row.");
            return;
        }

        if (context.Agency is { } agency && !indicator.IsOwedBy(agency.Code))
        {
            findings.Add(Rules.IndicatorNotOwed, _sheet, CellReference.Cell(indicatorColumn, row), indicatorText,
                $"{indicator.Code} is not returned by {agency.Code}; leave the row out, or ask the performance team " +
                "to add your agency to it.");
            return;
        }

        if (commentary is not null && PersonalDataDetector.KindInText(commentary) is { } kind)
        {
            // The row goes no further: its observations are written while the file is read, and this
            // commentary must never reach storage, not even until the refusal removes it.
            findings.Add(Rules.PersonalData, _sheet, CellReference.Cell(columns.Commentary, row), null,
                $"the commentary appears to contain {kind}; returns hold aggregate counts only. Remove it and resend.");
            return;
        }

        var figures = new RowFigures(
            Read(numeratorCell, columns.Numerator, percent: false),
            Read(denominatorCell, columns.Denominator, percent: false),
            Read(valueCell, columns.Value, percent: indicator.Unit == IndicatorUnit.Percentage),
            row,
            columns.Unread.Count == 0 ? null : Stray(cursor, columns));
        if (!figures.AllUsable)
        {
            ReportUnusable(figures, indicator);
            return;
        }

        var checkedFigures = new FigureRules(indicator, figures, findings, _sheet, context, locality).Check();
        if (checkedFigures is not { } result || context.Agency is null || context.Period is null)
        {
            return;
        }

        var source = figures.SourceColumn();
        var observation = new Observation(
            context.Period.Value, context.Agency.Code, indicator.Code, locality,
            result.Numerator, result.Denominator, result.Value, indicator.Unit, commentary,
            source < 0 ? _sheetPrefix : CellReference.Qualified(_sheetPrefix, source, row));
        CheckPlausibility(indicator, observation, source, row);
        context.Sink.Add(observation);
        ObservationCount++;
    }

    private string? ResolveLocality(ISheetCursor cursor, int column, Indicator indicator, int row)
    {
        var cell = cursor[column];
        var text = CellText.Of(cell);
        string code;
        if (text is null)
        {
            code = Locality.WholeAreaCode;
        }
        else if (context.Partnership.FindLocality(text) is { } locality)
        {
            code = locality.Code;
        }
        else if (context.Period is { } quarter && context.Partnership.Whole.FindLocality(text) is { } gone &&
                 gone.Dates.Outside(gone.Name, quarter, "exists from", "last existed in") is { } why)
        {
            findings.Add(Rules.LocalityNotInForce, _sheet, CellReference.Cell(column, row), text,
                $"{why}, so a {quarter} return has no row for it; leave the row out.");
            return null;
        }
        else if (IsWholeArea(text))
        {
            code = Locality.WholeAreaCode;
        }
        else
        {
            var suggestion = context.Partnership.SuggestLocality(text);
            findings.Add(Rules.LocalityUnknown, _sheet, CellReference.Cell(column, row), text,
                $"'{text}' is not a locality" + (
                    suggestion is null
                        ? $"; use one of {string.Join(", ", context.Partnership.Localities.Select(l => l.Name))}, or " +
                            "All."
                        : $"; did you mean '{suggestion}'?"));
            return null;
        }

        if (indicator.ByLocality && code == Locality.WholeAreaCode)
        {
            findings.Add(Rules.LocalityRequired, _sheet, Reference(), text,
                $"{indicator.Code} is returned per locality, not for the whole area; give one row for each locality.");
            return null;
        }

        if (!indicator.ByLocality && code != Locality.WholeAreaCode)
        {
            findings.Add(Rules.LocalityNotExpected, _sheet, Reference(), text,
                $"{indicator.Code} is returned for the whole area only; leave Locality blank or write 'All'.");
            return null;
        }

        return code;

        // Named only for a finding, not for every row.
        string Reference() => CellReference.Cell(Math.Max(column, 0), row);
    }

    private bool IsWholeArea(string text)
    {
        var folded = NameKey.Fold(text);
        return folded is "all" or "allareas" or "alllocalities" or "wholearea" or "total" or "partnership" or
            "countywide" or "citywide" or "boroughwide"
            || folded == NameKey.Fold(context.Partnership.Name);
    }

    private Slot Read(CellValue cell, int column, bool percent) =>
        new(FigureReader.Read(cell, percent, context.DecimalComma), column);

    /// <summary>The first number in the row under a heading that names no column, if any.</summary>
    private StrayFigure? Stray(ISheetCursor cursor, Columns columns)
    {
        foreach (var (column, heading) in columns.Unread)
        {
            var figure = FigureReader.Read(cursor[column], percentCellsAsPercent: false, context.DecimalComma);
            if (figure.State == FigureState.Number)
            {
                return new StrayFigure(column, figure.Written, heading, columns.HeaderRow,
                    HeadingReader.Nearest(heading, ColumnAliases.Indicators));
            }
        }

        return null;
    }

    private void ReportUnusable(RowFigures figures, Indicator indicator)
    {
        foreach (var slot in figures.Unusable())
        {
            var cell = figures.CellOf(slot);
            var written = slot.Figure.Written;
            switch (slot.Figure.State)
            {
                case FigureState.NotNumber:
                    findings.Add(
                        Rules.ValueNotNumber,
                        _sheet,
                        cell,
                        written,
                        indicator.Unit is IndicatorUnit.Percentage or IndicatorUnit.Average
                        ? $"'{written}' is not a number; enter the figure, or 0 (with 0 in Denominator) or 'no " +
                            "cases' if there were none this quarter."
                        : $"'{written}' is not a number; enter the figure, or 0 if there were none this quarter.");
                    break;
                case FigureState.Suppressed:
                    findings.Add(Rules.ValueSuppressed, _sheet, cell, written,
                        $"'{written}' is a suppressed figure, which cannot be added up; enter the actual count for " +
                        $"{indicator.Code} (returns are not published).");
                    break;
                case FigureState.FormulaError:
                    findings.Add(Rules.ValueFormulaError, _sheet, cell, written,
                        $"the cell shows {written}; fix the formula or type the figure.");
                    break;
            }
        }
    }

    private void CheckPlausibility(Indicator indicator, Observation observation, int column, int row)
    {
        if (indicator.Unit != IndicatorUnit.Count && observation.Denominator == 0)
        {
            // No cases this quarter: there is no rate or percentage to judge.
            return;
        }

        if (indicator.Min is { } min && observation.Value < min)
        {
            findings.Add(Rules.ValueOutsideRange, _sheet, Cell(), FigureReader.Show(observation.Value),
                $"{FigureReader.Show(observation.Value)} is below the lowest plausible value for {indicator.Code} " +
                $"({FigureReader.Show(min)}); please confirm or correct it.");
        }
        else if (indicator.Max is { } max && observation.Value > max)
        {
            findings.Add(Rules.ValueOutsideRange, _sheet, Cell(), FigureReader.Show(observation.Value),
                $"{FigureReader.Show(observation.Value)} is above the highest plausible value for {indicator.Code} " +
                $"({FigureReader.Show(max)}); please confirm or correct it.");
        }

        if (indicator.MaxQuarterlyChange is null || context.Previous is not { } previous)
        {
            return;
        }

        if (!previous.IsReady)
        {
            // Last quarter is still being read: check once it has come, in this finding's place.
            _changesToCheck.Add(new ChangeToCheck(indicator, observation, _sheet, Cell(), findings.Findings.Count));
            return;
        }

        if (LargeChange(indicator, observation, _sheet, Cell(), previous) is { } finding)
        {
            findings.Add(finding);
        }

        // "G14", named only where a finding or a change still to check needs it rather than for every row.
        string Cell() => column < 0 ? string.Empty : CellReference.Cell(column, row);
    }

    /// <summary>
    /// Checks the quarterly changes that waited for last quarter's figures, putting each finding where it
    /// would have stood had the figures been there from the start, so the report does not depend on timing.
    /// </summary>
    public void CheckWaitingChanges()
    {
        var inserted = 0;
        var values = context.Previous!;
        foreach (var waiting in _changesToCheck)
        {
            if (LargeChange(waiting.Indicator, waiting.Observation, waiting.Sheet, waiting.Cell, values) is { } finding)
            {
                findings.AddAt(waiting.Position + inserted, finding);
                inserted++;
            }
        }

        _changesToCheck.Clear();
    }

    private Finding? LargeChange(
        Indicator indicator, Observation observation, string sheet, string cell, IPreviousValues values)
    {
        var previousPeriod = observation.Period.Previous();
        var (agency, code, locality) = (observation.Agency, observation.Indicator, observation.Locality);
        if (indicator.MaxQuarterlyChange is not { } limit ||
            values.Find(agency, code, locality, previousPeriod) is not { } previous ||
            previous == 0)
        {
            return null;
        }

        var change = 100 * (observation.Value - previous) / Math.Abs(previous);
        if (Math.Abs(change) <= limit)
        {
            return null;
        }

        var where = locality == Locality.WholeAreaCode ? string.Empty : $" in {NameOf(locality)}";
        var percent = FigureReader.Show(Math.Round(Math.Abs(change), 1));
        return Finding.Of(
            Rules.ValueLargeChange,
            sheet,
            cell,
            FigureReader.Show(observation.Value),
            $"{indicator.Code}{where} {(change > 0 ? "rose" : "fell")} {percent}% " +
            $"since {previousPeriod} (from {FigureReader.Show(previous)} to {FigureReader.Show(observation.Value)}), " +
            $"more than the {FigureReader.Show(limit)}% expected; please explain in Commentary.");
    }

    private string NameOf(string localityCode) => context.Partnership.FindLocality(localityCode)?.Name ?? localityCode;

    /// <summary>The table's columns, looked up once from its header, not for every row (-1 where absent).</summary>
    private readonly record struct Columns(
        int Indicator,
        int Locality,
        int Numerator,
        int Denominator,
        int Value,
        int Commentary,
        IReadOnlyList<(int Column, string Heading)> Unread,
        int HeaderRow)
    {
        public static Columns Of(HeaderRow header) => new(
            header[ReturnColumn.Indicator],
            header[ReturnColumn.Locality],
            header[ReturnColumn.Numerator],
            header[ReturnColumn.Denominator],
            header[ReturnColumn.Value],
            header[ReturnColumn.Commentary],
            header.Unread.Where(h => PersonalDataDetector.KindOfHeading(h.Heading) is null).ToList(),
            header.RowNumber);
    }

    // Notes under the table ("Source: case system extract, 3 July") are prose, not indicator codes.
    private static bool LooksLikeNote(string text) =>
        text.Count(char.IsWhiteSpace) >= 2 || text.EndsWith(':') || text.StartsWith('*') ||
        text.StartsWith("note", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("source", StringComparison.OrdinalIgnoreCase);
}
