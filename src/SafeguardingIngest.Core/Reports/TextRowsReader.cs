using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace SafeguardingIngest.Reports;

/// <summary>
/// Rows of text under named columns, read forward once as a data reader, which is what Sylvan's csv writer
/// writes from (<see cref="CsvRows"/>). Every column holds text and none is null: an empty field is an empty
/// string.
/// </summary>
internal sealed class TextRowsReader(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly IEnumerator<IReadOnlyList<string>> _rows = rows.GetEnumerator();
    private IReadOnlyList<string>? _row;
    private bool _closed;

    public override int FieldCount => columns.Count;

    public override int Depth => 0;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetString(ordinal);

    public override object this[string name] => GetString(GetOrdinal(name));

    public override bool Read()
    {
        if (!_rows.MoveNext())
        {
            _row = null;
            return false;
        }

        _row = _rows.Current;
        return _row.Count == columns.Count
            ? true
            : throw new InvalidOperationException(
                $"A csv row has {_row.Count} fields under {columns.Count} columns: every row has one per column.");
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => columns[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "No column has this name.");
    }

    public override Type GetFieldType(int ordinal) => typeof(string);

    public override string GetDataTypeName(int ordinal) => nameof(String);

    public override string GetString(int ordinal) =>
        (_row ?? throw new InvalidOperationException("There is no row to read: call Read first."))[ordinal];

    public override object GetValue(int ordinal) => GetString(ordinal);

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, columns.Count);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetString(i);
        }

        return count;
    }

    public override bool IsDBNull(int ordinal) => false;

    public ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        columns.Select((name, i) => (DbColumn)new TextColumn(name, i)).ToList().AsReadOnly();

    public override IEnumerator GetEnumerator() => throw NotText();

    public override bool GetBoolean(int ordinal) => throw NotText();

    public override byte GetByte(int ordinal) => throw NotText();

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw NotText();

    public override char GetChar(int ordinal) => throw NotText();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw NotText();

    public override DateTime GetDateTime(int ordinal) => throw NotText();

    public override decimal GetDecimal(int ordinal) => throw NotText();

    public override double GetDouble(int ordinal) => throw NotText();

    public override float GetFloat(int ordinal) => throw NotText();

    public override Guid GetGuid(int ordinal) => throw NotText();

    public override short GetInt16(int ordinal) => throw NotText();

    public override int GetInt32(int ordinal) => throw NotText();

    public override long GetInt64(int ordinal) => throw NotText();

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private static NotSupportedException NotText() =>
        new("Every column of these rows is text: read it with GetString.");

    private sealed class TextColumn : DbColumn
    {
        public TextColumn(string name, int ordinal)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = typeof(string);
            DataTypeName = nameof(String);
            AllowDBNull = false;
        }
    }
}
