using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Testing;

/// <summary>
/// The catalogue of a generated partnership: agencies A, B, C…, localities L1 (North), L2 (South)… and one
/// indicator, KIDS, owed by every agency, with now and then a second tied to it (<see cref="LinkedIndicator"/>).
/// </summary>
public static class GeneratedPartnership
{
    private static readonly string[] s_names = ["North", "South", "East", "West", "Central"];

    /// <summary>The partnership, read by the catalogue's own reader as any partnership.json is.</summary>
    public static Partnership Of(
        int agencies,
        int localities,
        string unit,
        bool flow,
        bool byLocality,
        string polarity = "none",
        LinkedIndicator? linked = null)
    {
        var owing = string.Join(", ", Codes(agencies).Select(a => $"\"{a}\""));
        var agencyList = string.Join(
            ", ",
            Codes(agencies).Select(a => $$"""{ "code": "{{a}}", "name": "Agency {{a}}" }"""));
        var localityList = string.Join(
            ", ",
            Enumerable.Range(1, localities).Select(l => $$"""{ "code": "L{{l}}", "name": "{{s_names[l - 1]}}" }"""));
        return PartnershipReader.Parse($$"""
            {
              "partnership": "Generated partnership", "returnsDueDays": 30,
              "agencies": [ {{agencyList}} ],
              "localities": [ {{localityList}} ],
              "indicators": [
                { "code": "KIDS", "title": "Children referred", "unit": "{{unit}}",
                  "kind": "{{(flow ? "flow" : "stock")}}", "polarity": "{{polarity}}", "agencies": [ {{owing}} ],
                  "byLocality": {{(byLocality ? "true" : "false")}}{{linked?.OnKids}} }{{Second()}}
              ]
            }
            """);

        string Second() => linked is null ? string.Empty : $$"""
            ,
                { "code": "{{linked.Code}}", "title": "Children linked",
                  "unit": "{{LinkedIndicator.UnitWord(linked.Unit)}}", "kind": "{{(flow ? "flow" : "stock")}}",
                  "polarity": "{{polarity}}", "agencies": [ {{owing}} ],
                  "byLocality": {{(byLocality ? "true" : "false")}}{{linked.OnItself}} }
            """;
    }

    /// <summary>The agencies' codes: A, B, C…</summary>
    public static IEnumerable<string> Codes(int agencies) =>
        Enumerable.Range(0, agencies).Select(a => ((char)('A' + a)).ToString());
}
