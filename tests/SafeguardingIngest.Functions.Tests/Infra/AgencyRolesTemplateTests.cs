using System.Text.Json;

namespace SafeguardingIngest.Functions.Tests.Infra;

/// <summary>
/// The compiled infrastructure (infra/main.bicep, built with the Bicep compiler from NuGet as
/// scripts/bicep.sh builds it) gives each agency's Entra ID group exactly its own paths, and the
/// performance team read on the reports, the publications and the tables, and whoever publishes read on
/// the publications alone: nothing broader.
/// </summary>
public sealed class AgencyRolesTemplateTests
{
    private static readonly Lazy<JsonElement> s_module = new(() => Compile().GetAwaiter().GetResult());

    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string BlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string TableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";

    [Theory]
    [InlineData("POL")]
    [InlineData("CSC")]
    public void AgencyCondition_ForAnAgency_WritesReturnsReadsFeedbackListsUnderItsCodeAndNeverDeletes(string code)
    {
        // The template replaces {code} with each agency's code from the agencyGroups map.
        var condition = string.Join(
            ' ',
            Variable("agencyCondition")
                .Replace("{code}", code, StringComparison.Ordinal)
                .Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains(
            "containers:name] StringEquals 'returns' AND " +
            "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith " +
            $"'{code}/'",
            condition,
            StringComparison.Ordinal);
        Assert.Contains(
            "containers:name] StringEquals 'feedback' AND " +
            "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith " +
            $"'{code}/'",
            condition,
            StringComparison.Ordinal);
        Assert.Contains($"blobs:prefix] StringStartsWith '{code}/'", condition, StringComparison.Ordinal);
        Assert.Contains(
            "!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})",
            condition,
            StringComparison.Ordinal);

        // No other container is named, and no path but the agency's own.
        foreach (var other in new[] { "archive", "quarantine", "config", "reports", "deployment" })
        {
            Assert.DoesNotContain($"'{other}'", condition, StringComparison.Ordinal);
        }

        Assert.Equal(3, Count(condition, $"StringStartsWith '{code}/'"));
        Assert.Equal(3, Count(condition, "StringStartsWith '"));
    }

    [Fact]
    public void AgencyRoles_OneConditionalContributorAssignmentPerAgencyGroup()
    {
        var agency = Resources().Single(r => r.GetProperty("copy").ValueKind == JsonValueKind.Object);
        var properties = agency.GetProperty("properties");

        Assert.Contains(
            "items(parameters('agencyGroups'))",
            agency.GetProperty("copy").GetProperty("count").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(BlobDataContributor, RoleOf(agency));
        Assert.Equal("Group", properties.GetProperty("principalType").GetString());
        Assert.Equal("2.0", properties.GetProperty("conditionVersion").GetString());
        Assert.Contains(
            "replace(variables('agencyCondition'), '{code}'",
            properties.GetProperty("condition").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void TeamRoles_ReadTheReportsAndPublicationsContainersAndTheTablesOnly()
    {
        var team = Resources()
            .Where(r => r.GetProperty("copy").ValueKind != JsonValueKind.Object && IsTeam(r))
            .ToList();

        Assert.Equal(3, team.Count);
        var containers = team
            .Where(r => RoleOf(r) == BlobDataReader)
            .Select(r => r.GetProperty("scope").GetString()!)
            .ToList();
        var tables = team.Single(r => RoleOf(r) == TableDataReader);
        Assert.Equal(2, containers.Count);
        Assert.Contains(containers, scope => scope.Contains("'reports'", StringComparison.Ordinal));
        Assert.Contains(containers, scope => scope.Contains("'publications'", StringComparison.Ordinal));
        Assert.DoesNotContain("containers", tables.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.All(
            team,
            r => Assert.Equal("Group", r.GetProperty("properties").GetProperty("principalType").GetString()));
    }

    [Fact]
    public void PublisherRole_ReadsThePublicationsContainerAloneNeverTheTeamsReports()
    {
        var publisher = Resources().Single(
            r => r
                .GetProperty("properties")
                .GetProperty("principalId")
                .GetString()!
                .Contains("publisherPrincipal", StringComparison.Ordinal));

        Assert.Equal(BlobDataReader, RoleOf(publisher));
        var scope = publisher.GetProperty("scope").GetString()!;
        Assert.Contains("'publications'", scope, StringComparison.Ordinal);
        Assert.DoesNotContain("'reports'", scope, StringComparison.Ordinal);
    }

    private static bool IsTeam(JsonElement assignment) =>
        assignment
            .GetProperty("properties")
            .GetProperty("principalId")
            .GetString()!
            .Contains("performanceTeamGroup", StringComparison.Ordinal);

    private static string Variable(string name) =>
        s_module.Value.GetProperty("variables").GetProperty(name).GetString()!;

    /// <summary>The role definition id an assignment names, through the variable its expression refers to.</summary>
    private static string RoleOf(JsonElement assignment)
    {
        var expression = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
        var start = expression.IndexOf("variables('", StringComparison.Ordinal) + "variables('".Length;
        return Variable(expression[start..expression.IndexOf('\'', start)]);
    }

    private static List<JsonElement> Resources()
    {
        var resources = s_module.Value.GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Array ? resources
            .EnumerateArray() : resources.EnumerateObject()
            .Select(p => p.Value);
        return all.Where(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .Select(r => r.TryGetProperty("copy", out _) ? r : Merge(r)).ToList();
    }

    // A resource without a copy loop: give it an empty "copy" so the tests can tell the two apart.
    private static JsonElement Merge(JsonElement resource)
    {
        var text = resource.GetRawText().TrimEnd('}') + ", \"copy\": null }";
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    /// <summary>Builds infra/main.bicep and returns the agency-roles module's template.</summary>
    private static async Task<JsonElement> Compile()
    {
        var root = AzuriteServer.RepositoryRoot();
        await RunAsync(
            "dotnet",
            root,
            "restore",
            Path.Combine(root, "infra", "tools", "bicep.csproj"),
            "-nologo",
            "-v",
            "q");
        var packages = (await RunAsync("dotnet", root, "nuget", "locals", "global-packages", "--list"))
            .Replace("global-packages:", string.Empty, StringComparison.Ordinal)
            .Trim();
        var version = Directory.GetDirectories(Path.Combine(packages, "azure.bicep.commandline.linux-x64"))
            .Select(Path.GetFileName)
            .Max()!;
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!OperatingSystem.IsWindows())
        {
            // NuGet unpacks the compiler without its execute bit (scripts/bicep.sh sets it the same way).
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }
        var output = Path.Combine(Path.GetTempPath(), $"sgi-infra-{Guid.NewGuid():N}.json");
        await RunAsync(bicep, root, "build", Path.Combine(root, "infra", "main.bicep"), "--outfile", output);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        File.Delete(output);
        var deployments = document.RootElement.GetProperty("resources");
        var all = deployments.ValueKind == JsonValueKind.Array ? deployments
            .EnumerateArray() : deployments.EnumerateObject()
            .Select(p => p.Value);
        return all.Single(
            r => r
                .GetProperty("type")
                .GetString() == "Microsoft.Resources/deployments" && r
                .GetProperty("name")
                .GetString() == "agency-roles")
            .GetProperty("properties").GetProperty("template").Clone();
    }

    private static async Task<string> RunAsync(string program, string folder, params string[] args)
    {
        var (exit, output, error) = await ChildProcess.RunAsync(program, folder, args);
        Assert.True(exit == 0, $"{program} {string.Join(' ', args)}: {error}");
        return output;
    }
}
