using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>Which sheet of a workbook plays which part in template v1, by name in any spelling.</summary>
internal sealed record SheetRoles(int Cover, int Indicators, int Actions, int Risks, IReadOnlyList<int> Others)
{
    public static SheetRoles Of(IReadOnlyList<string> names)
    {
        int cover = -1, indicators = -1, actions = -1, risks = -1;
        var others = new List<int>();
        for (var i = 0; i < names.Count; i++)
        {
            switch (NameKey.Fold(names[i]))
            {
                case "cover" or "coversheet" or "coverpage" or "details" or "returndetails" or "about" or "front" or
                    "frontsheet" when cover < 0:
                    cover = i;
                    break;
                case "indicators" or "indicator" or "data" or "return" or "indicatordata" or "indicatorreturn" or
                    "measures" or "kpis" or "performance" when indicators < 0:
                    indicators = i;
                    break;
                case "actions" or "action" or "actionplan" or "deliveryactions" or "keyactions" when actions < 0:
                    actions = i;
                    break;
                case "risks" or "risk" or "riskregister" when risks < 0:
                    risks = i;
                    break;
                case "instructions" or "guidance" or "readme" or "help" or "lists" or "lookups":
                    break;
                default:
                    others.Add(i);
                    break;
            }
        }

        return new SheetRoles(cover, indicators, actions, risks, others);
    }
}
