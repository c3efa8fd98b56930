using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>A value read from the Cover sheet, with the cell it came from.</summary>
public sealed record CoverValue(CellValue Cell, string Reference);

/// <summary>The Cover sheet: a label in one column and its value in the next.</summary>
public sealed record CoverSheet(
    CoverValue? Agency,
    CoverValue? AgencyName,
    CoverValue? Period,
    CoverValue? SubmittedBy,
    CoverValue? Email)
{
    private const int MaxRows = 60;

    /// <summary>Reads the labels the template uses, tolerating other spellings and a shifted layout.</summary>
    public static CoverSheet Read(ISheetCursor cursor)
    {
        CoverValue? agency = null, agencyName = null, period = null, submittedBy = null, email = null;
        while (cursor.Read() && cursor.RowNumber <= MaxRows)
        {
            var labelColumn = -1;
            for (var i = 0; i < Math.Min(cursor.FieldCount, 4); i++)
            {
                if (!cursor[i].IsBlank)
                {
                    labelColumn = i;
                    break;
                }
            }

            if (labelColumn < 0 || cursor[labelColumn].Kind != CellKind.Text)
            {
                continue;
            }

            var valueColumn = labelColumn + 1;
            var value = new CoverValue(cursor[valueColumn], CellReference.Cell(valueColumn, cursor.RowNumber));
            switch (NameKey.Fold(cursor[labelColumn].Text).TrimEnd())
            {
                case "agency" or "agencycode" or "organisation" or "organization" or "organisationcode" or
                    "partneragency" or "agencyorganisation":
                    agency ??= value;
                    break;
                case "agencyname" or "organisationname" or "organizationname":
                    agencyName ??= value;
                    break;
                case "period" or "reportingperiod" or "quarter" or "returnperiod" or "reportingquarter" or
                    "periodquarter":
                    period ??= value;
                    break;
                case "submittedby" or "completedby" or "contact" or "contactname" or "preparedby":
                    submittedBy ??= value;
                    break;
                case "email" or "emailaddress" or "contactemail":
                    email ??= value;
                    break;
            }
        }

        return new CoverSheet(agency, agencyName, period, submittedBy, email);
    }
}
