namespace SafeguardingIngest.Reading;

/// <summary>The spreadsheet formats a return may come in, as told from the content.</summary>
public enum ReturnFileKind
{
    /// <summary>Office Open XML workbook (.xlsx).</summary>
    Xlsx,

    /// <summary>Legacy Excel 97–2003 workbook (.xls).</summary>
    Xls,

    /// <summary>Delimited text holding the Indicators table alone.</summary>
    Csv,
}
