using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>Text of a cell for free-text fields: trimmed, null when blank.</summary>
internal static class CellText
{
    public static string? Of(CellValue cell)
    {
        var text = cell.Display()?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
