using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Testing;

/// <summary>
/// A hand-made catalogue over three years, 2024-25 to 2026-27, with one of each change: OLD retired
/// after 2025-26 and NEW added from 2026-27, CPP's definition changed in 2026-27 (a series break), the
/// CCG replaced by the ICB at 2025-26 Q2, and the locality EFD starting at 2025-26 Q3.
/// </summary>
public static class ThreeYearCatalogue
{
    public const string Json = """
        {
          "$schema": "../docs/partnership.schema.json",
          "partnership": "Three-year partnership",
          "returnsDueDays": 30,
          "agencies": [
            { "code": "CSC", "name": "Children's Social Care" },
            { "code": "POL", "name": "Police" },
            { "code": "CCG", "name": "Clinical Commissioning Group", "until": "2025-26 Q1" },
            { "code": "ICB", "name": "Integrated Care Board", "from": "2025-26 Q2" }
          ],
          "localities": [
            { "code": "NTH", "name": "North" },
            { "code": "STH", "name": "South" },
            { "code": "EFD", "name": "Eastfield", "from": "2025-26 Q3" }
          ],
          "populations": [
            { "locality": "NTH", "year": "2024-25", "under18": 10000 },
            { "locality": "STH", "year": "2024-25", "under18": 20000 },
            { "locality": "NTH", "year": "2025-26", "under18": 10000 },
            { "locality": "STH", "year": "2025-26", "under18": 20000 },
            { "locality": "EFD", "year": "2025-26", "under18": 5000 },
            { "locality": "NTH", "year": "2026-27", "under18": 10000 },
            { "locality": "STH", "year": "2026-27", "under18": 16000 },
            { "locality": "EFD", "year": "2026-27", "under18": 4000 }
          ],
          "indicators": [
            { "code": "REF", "title": "Referrals", "unit": "count", "kind": "flow", "polarity": "none",
              "agencies": ["CSC"], "byLocality": true, "cumulative": true },
            { "code": "OLD", "title": "Repeat referrals within 12 months", "unit": "percentage", "kind": "flow",
              "polarity": "lowerIsBetter", "agencies": ["CSC"], "until": "2025-26", "targets": { "2025-26": 20 } },
            { "code": "NEW", "title": "Repeat referrals within 6 months", "unit": "percentage", "kind": "flow",
              "polarity": "lowerIsBetter", "agencies": ["CSC"], "from": "2026-27", "targets": { "2026-27": 15 } },
            { "code": "CPP", "title": "Children on a protection plan", "unit": "count", "kind": "stock",
              "polarity": "lowerIsBetter", "agencies": ["CSC"], "seriesBreak": "2026-27",
              "seriesBreakNote": "Counted at quarter end from 2026-27; before, on the last working day" },
            { "code": "HEA", "title": "Health notifications of concern", "unit": "count", "kind": "flow",
              "polarity": "none", "agencies": ["POL", "CCG", "ICB"] }
          ]
        }
        """;

    public static Partnership Partnership => PartnershipReader.Parse(Json);
}
