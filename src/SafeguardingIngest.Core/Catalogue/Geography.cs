namespace SafeguardingIngest.Catalogue;

/// <summary>
/// Where the partnership's area sits in the ONS geographies: its country, region and local authority, with the
/// codes the Department for Education's explore education statistics service asks of a local authority's figures.
/// The reader has checked each code's shape.
/// </summary>
/// <param name="CountryCode">The country's ONS code, such as E92000001.</param>
/// <param name="CountryName">The country's name, such as England.</param>
/// <param name="RegionCode">The English region's ONS code, such as E12000005.</param>
/// <param name="RegionName">The region's name, such as West Midlands.</param>
/// <param name="OldLaCode">The local authority's old three-digit code, such as 860.</param>
/// <param name="NewLaCode">The local authority's ONS code, such as E10000028.</param>
/// <param name="LaName">The local authority's name, such as Staffordshire.</param>
public sealed record Geography(
    string CountryCode,
    string CountryName,
    string RegionCode,
    string RegionName,
    string OldLaCode,
    string NewLaCode,
    string LaName);
