using System.Globalization;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Spreadsheets;
using SafeguardingIngest.Templates;

namespace SafeguardingIngest.Testing;

/// <summary>
/// A workbook a test can edit cell by cell and save as a real xlsx: starts from an agency's good
/// return (our own template writer, filled with plausible figures) or from nothing.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, List<List<SheetCell>> Rows)> _sheets = [];

    /// <summary>A good, complete return of <paramref name="agency"/> for 2025-26 Q2 (or <paramref
    /// name="period"/>).</summary>
    public static TestWorkbook Good(string agency, ReportingPeriod? period = null, int seed = 7)
    {
        var partnership = Samples.Partnership;
        var blank = ReturnTemplate.For(partnership, partnership.FindAgency(agency)!, period ?? Samples.Q2);
        var filled = SampleFigures.Fill(blank, partnership, seed);
        var workbook = new TestWorkbook();
        foreach (var sheet in ReturnWorkbookWriter.Sheets(filled, partnership))
        {
            workbook._sheets.Add((sheet.Name, sheet.Rows.Select(r => r.ToList()).ToList()));
        }

        return workbook;
    }

    /// <summary>An empty workbook.</summary>
    public static TestWorkbook Empty() => new();

    public TestWorkbook Sheet(string name, params IReadOnlyList<SheetCell>[] rows)
    {
        _sheets.RemoveAll(s => s.Name == name);
        _sheets.Add((name, rows.Select(r => r.ToList()).ToList()));
        return this;
    }

    public TestWorkbook RemoveSheet(string name)
    {
        _sheets.RemoveAll(s => s.Name == name);
        return this;
    }

    public TestWorkbook RenameSheet(string from, string to)
    {
        var index = _sheets.FindIndex(s => s.Name == from);
        _sheets[index] = (to, _sheets[index].Rows);
        return this;
    }

    /// <summary>Sets the cell at an A1 reference such as "G5".</summary>
    public TestWorkbook Set(string sheet, string cell, SheetCell value)
    {
        var (column, row) = Parse(cell);
        var rows = Rows(sheet);
        while (rows.Count < row)
        {
            rows.Add([]);
        }

        var cells = rows[row - 1];
        while (cells.Count <= column)
        {
            cells.Add(SheetCell.Empty);
        }

        cells[column] = value;
        return this;
    }

    /// <summary>
    /// Sets the cell in <paramref name="column"/> (a letter) of the Indicators sheet's row for
    /// <paramref name="indicator"/> and <paramref name="locality"/>.
    /// </summary>
    public TestWorkbook SetInRow(string indicator, string column, SheetCell value, string locality = "All") =>
        Set("Indicators", column + RowOf(indicator, locality).ToString(CultureInfo.InvariantCulture), value);

    /// <summary>Appends a row to a sheet.</summary>
    public TestWorkbook Append(string sheet, params SheetCell[] cells)
    {
        Rows(sheet).Add([.. cells]);
        return this;
    }

    /// <summary>Inserts rows above row <paramref name="before"/> (one-based).</summary>
    public TestWorkbook Insert(string sheet, int before, params IReadOnlyList<SheetCell>[] rows)
    {
        Rows(sheet).InsertRange(before - 1, rows.Select(r => r.ToList()));
        return this;
    }

    /// <summary>Deletes row <paramref name="row"/> (one-based).</summary>
    public TestWorkbook DeleteRow(string sheet, int row)
    {
        Rows(sheet).RemoveAt(row - 1);
        return this;
    }

    /// <summary>The one-based row of the Indicators sheet holding <paramref name="indicator"/> for <paramref
    /// name="locality"/> ("All" for the whole area).</summary>
    public int RowOf(string indicator, string locality = "All")
    {
        var rows = Rows("Indicators");
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count > 3 && rows[i][0].Text == indicator && rows[i][3].Text == locality)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"No row for {indicator} {locality}.");
    }

    public List<List<SheetCell>> Rows(string sheet) => _sheets.First(s => s.Name == sheet).Rows;

    public MemoryStream ToStream()
    {
        var stream = new MemoryStream();
        XlsxWriter.Write(
            stream,
            _sheets.Select(s => new SheetDefinition(s.Name, s.Rows.Select(r => (IReadOnlyList<SheetCell>)r))));
        stream.Position = 0;
        return stream;
    }

    public string Save(string path)
    {
        using var file = File.Create(path);
        ToStream().CopyTo(file);
        return path;
    }

    private static (int Column, int Row) Parse(string cell)
    {
        var letters = new string(cell.TakeWhile(char.IsAsciiLetter).ToArray());
        var column = letters.Aggregate(0, (acc, c) => (acc * 26) + (char.ToUpperInvariant(c) - 'A' + 1)) - 1;
        var row = int.Parse(cell[letters.Length..], System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(CellReference.Cell(column, row), cell, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{cell}' is not an A1 cell reference.", nameof(cell));
        }

        return (column, row);
    }
}
