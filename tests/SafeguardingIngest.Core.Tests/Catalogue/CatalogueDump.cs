using System.Globalization;
using System.Text;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Tests.Catalogue;

/// <summary>
/// Every field the reader gives a partnership, one line per entry: the text a file from before dates
/// were added must still read to (the expected dumps were made by the reader as it stood then).
/// </summary>
internal static class CatalogueDump
{
    public static string Of(Partnership p)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"partnership|{p.Name}|{p.ReturnsDueDays}");
        foreach (var a in p.Agencies)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"agency|{a.Code}|{a.Name}|{a.Contact}");
        }

        foreach (var l in p.Localities)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"locality|{l.Code}|{l.Name}");
        }

        foreach (var x in p.Populations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"population|{x.Locality}|{x.Year}|{x.Under18}");
        }

        foreach (var i in p.Indicators)
        {
            var targets = string.Join(",", i.Targets.OrderBy(t => t.Key).Select(t => $"{t.Key}={N(t.Value)}"));
            var links = $"{i.Links.SameCountAs};{i.Links.PartOf};" +
                $"{string.Join(",", i.Links.NumeratorOf)};{string.Join(",", i.Links.DenominatorOf)}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"indicator|{i.Code}|{i.Title}|{i.Unit}|{i.Polarity}|" +
                $"{string.Join(",", i.Agencies)}|{i.ByLocality}|{i.Kind}|" +
                $"{i.Baseline?.Year}={N(i.Baseline?.Value)}|{targets}|" +
                $"{N(i.Tolerance)}|{N(i.Min)}|{N(i.Max)}|{N(i.MaxQuarterlyChange)}|{links}");
        }

        return text.ToString();
    }

    private static string N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
}
