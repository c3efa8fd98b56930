using System.Globalization;
using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Templates;

namespace SafeguardingIngest.Bench;

/// <summary>Writes the benchmark's returns: the template writer's xlsx, and the same table as csv.</summary>
internal static class BenchFiles
{
    public static ReturnDocument Document(Partnership partnership, int rows)
    {
        var blank = ReturnTemplate.For(
            partnership,
            partnership.FindAgency(BenchPartnership.Agency)!,
            BenchPartnership.Period);
        var filled = SampleFigures.Fill(blank with { Rows = blank.Rows.Take(rows).ToList() }, partnership, seed: 42);
        return filled;
    }

    public static string WriteXlsx(ReturnDocument document, Partnership partnership, string folder)
    {
        var path = Path.Combine(folder, $"bench-{document.Rows.Count}.xlsx");
        using var stream = File.Create(path);
        Spreadsheets.XlsxWriter.Write(stream, ReturnWorkbookWriter.Sheets(document, partnership).Take(2));
        return path;
    }

    public static string WriteCsv(ReturnDocument document, string folder)
    {
        var path = Path.Combine(folder, $"bench-{document.Rows.Count}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.WriteLine("Indicator,Locality,Numerator,Denominator,Value,Commentary");
        foreach (var row in document.Rows)
        {
            writer.Write(row.Indicator.Code);
            writer.Write(',');
            writer.Write(row.Locality);
            writer.Write(',');
            writer.Write(Format(row.Numerator));
            writer.Write(',');
            writer.Write(Format(row.Denominator));
            writer.Write(',');
            writer.Write(Format(row.Value));
            writer.WriteLine(",");
        }

        return path;
    }

    private static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
