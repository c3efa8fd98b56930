namespace SafeguardingIngest.Cli.Tests;

/// <summary>
/// The example messages under "Personal data" in docs/validation-rules.md, each given for a return that holds
/// what it names: a heading that announces dates of birth, a child's date of birth and a National Insurance
/// number in commentary, an address in an action. The messages name the kind of data and never quote it.
/// </summary>
public sealed class PersonalDataExamplesTests : IDisposable
{
    private const string Header = "Indicator,Title,Unit,Locality,Numerator,Denominator,Value,Commentary\n";

    private static readonly Func<SgiRunner, Task<IReadOnlyList<string>>>[] s_inputs =
    [
        sgi => Csv(sgi, "Indicator,Locality,Date of birth,Numerator,Denominator,Value\nDA02,All,,,,40\n"),
        sgi => Csv(
            sgi,
            Header
            + "NI 32,,,All,45,160,,\nDA01,,,All,30,100,,\n"
            + "DA02,,,All,,,40,\"Fall because Jack Robinson, born 14/03/2012, and his siblings moved out of area\"\n"
            + "NEG04,,,All,,,12,\n"),
        sgi => Csv(
            sgi,
            Header
            + "NI 32,,,All,45,160,,\nDA01,,,All,30,100,,\nDA02,,,All,,,40,\n"
            + "NEG04,,,All,,,12,Referred by the officer whose NI number is AB 12 34 56 C\n"),
        sgi => Validate(TestWorkbook.Good("POL")
            .Append(
                "Actions",
                "1",
                "Joint protocol for police protection",
                "Green",
                "Met at 12 Mill Lane, Tamworth B79 7AB")
            .Save(sgi.PathOf("POL-2025-26-Q2.xlsx"))),
    ];

    private static readonly Lazy<IReadOnlyList<string>> s_examples = new(ParseExamples);

    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    public static TheoryData<int> Examples() => [.. Enumerable.Range(0, s_inputs.Length)];

    [Fact]
    public void EveryExampleMessage_HasAnInput()
    {
        Assert.Equal(s_inputs.Length, s_examples.Value.Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task PersonalData_ExampleMessage_IsGivenWithoutQuotingTheText(int index)
    {
        var example = s_examples.Value[index];

        var given = await s_inputs[index](_sgi);

        Assert.True(given.Contains(example), $"expected\n  {example}\ngiven\n  {string.Join("\n  ", given)}");
        Assert.DoesNotContain(given, m => m.Contains("14/03/2012", StringComparison.Ordinal)
            || m.Contains("AB 12 34 56 C", StringComparison.Ordinal)
            || m.Contains("Mill Lane", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> Csv(SgiRunner sgi, string csv)
    {
        var path = sgi.PathOf("POL-2025-26-Q2.csv");
        await File.WriteAllTextAsync(path, csv);
        return await Validate(path);
    }

    private static async Task<IReadOnlyList<string>> Validate(string path)
    {
        var (_, json) = await SgiRunner.RunJsonAsync("validate", path);
        return [.. json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!)];
    }

    /// <summary>The messages of the table after "Example messages:" under "## Personal data", in order.</summary>
    private static List<string> ParseExamples()
    {
        var lines = ValidationRulesDocTests.DocText().ReplaceLineEndings("\n").Split('\n');
        var section = Array.IndexOf(lines, "## Personal data");
        Assert.True(section >= 0, "docs/validation-rules.md has no '## Personal data' section");
        var start = Array.FindIndex(lines, section, l => l.EndsWith("Example messages:", StringComparison.Ordinal));
        Assert.True(start >= 0, "'## Personal data' has no example messages");
        return
        [
            .. lines.Skip(start + 1)
                .SkipWhile(string.IsNullOrWhiteSpace)
                .TakeWhile(l => l.StartsWith('|'))
                .Skip(2)
                .Select(l => l.Trim().Trim('|').Split(" | ")[^1].Trim()),
        ];
    }
}
