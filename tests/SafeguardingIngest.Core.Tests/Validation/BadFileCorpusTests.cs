using System.Text.Json;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// The hostile and broken file corpus (TestData/corpus, written by tests/fixtures/make-corpus.py):
/// empty, truncated and renamed files, zip bombs, entity expansion, encrypted and macro-enabled
/// workbooks, a million rows, ten thousand columns, five-megabyte cells, malformed XML, wrong
/// encodings, formula injection and personal data. Each gets its expected finding, and no
/// exception escapes the validator.
/// </summary>
public class BadFileCorpusTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "TestData", "corpus");
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastFortyFiles() => Assert.True(Expected().Count >= 40, $"{Expected().Count} files");

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_CorpusFile_GivesItsExpectedFindingWithoutThrowing(string name)
    {
        var expected = Expected()[name];
        var context = new ReturnContext(expected.Agency, ReportingPeriod.Parse(expected.Period), name);

        var result = new ReturnValidator(Samples.Partnership).ValidateFile(
            Path.Combine(s_folder, name),
            context,
            new ObservationBuffer());

        if (expected.Expect == "accepted")
        {
            Assert.True(result.Report.IsAccepted, $"{name}:\n{Check.Describe(result)}");
        }
        else
        {
            Assert.True(
                result.Report.Findings.Any(f => f.Code == expected.Expect),
                $"{name}: expected '{expected.Expect}', found:\n{Check.Describe(result)}");
            Assert.False(result.Report.IsAccepted);
        }
    }

    private static Dictionary<string, Case> Expected()
    {
        using var stream = File.OpenRead(Path.Combine(s_folder, "expected.json"));
        return JsonSerializer.Deserialize<Dictionary<string, Case>>(stream, s_json)!;
    }

    private sealed record Case(string Expect, string Agency, string Period);
}
