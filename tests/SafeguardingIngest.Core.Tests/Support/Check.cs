using System.Text;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Support;

/// <summary>Runs the validator on real bytes and asserts on its findings.</summary>
public static class Check
{
    public static ReturnResult Return(
        Stream content,
        ReturnContext? context = null,
        IObservationSink? sink = null,
        IPreviousValues? previous = null,
        SafeguardingIngest.Reading.ReaderLimits? limits = null) =>
        new ReturnValidator(Samples.Partnership, limits).Validate(
            content,
            context ?? new ReturnContext(),
            sink,
            previous);

    public static ReturnResult Return(
        TestWorkbook workbook,
        ReturnContext? context = null,
        IObservationSink? sink = null,
        IPreviousValues? previous = null)
    {
        using var stream = workbook.ToStream();
        return Return(stream, context, sink, previous);
    }

    public static ReturnResult File(string path, ReturnContext? context = null, IObservationSink? sink = null) =>
        new ReturnValidator(Samples.Partnership).ValidateFile(path, context ?? new ReturnContext(), sink);

    public static ReturnResult Csv(
        string text,
        Encoding encoding,
        ReturnContext context,
        IObservationSink? sink = null,
        bool bom = false)
    {
        var bytes = encoding.GetBytes(text);
        var preamble = bom ? encoding.GetPreamble() : [];
        using var stream = new MemoryStream([.. preamble, .. bytes]);
        return Return(stream, context, sink);
    }

    /// <summary>Asserts exactly one finding of <paramref name="code"/> and returns it; checks its cell where
    /// given.</summary>
    public static Finding One(ReturnResult result, string code, string? cell = null, string? sheet = null)
    {
        var matches = result.Report.Findings.Where(f => f.Code == code).ToList();
        Assert.True(
            matches.Count == 1,
            $"Expected one '{code}' finding, found {matches.Count}. All findings:\n{Describe(result)}");
        var finding = matches[0];
        if (cell is not null)
        {
            Assert.Equal(cell, finding.Cell);
        }

        if (sheet is not null)
        {
            Assert.Equal(sheet, finding.Sheet);
        }

        return finding;
    }

    public static void NoErrors(ReturnResult result) =>
        Assert.True(result.Report.ErrorCount == 0, $"Expected no errors. Findings:\n{Describe(result)}");

    public static string Describe(ReturnResult result) =>
        string.Join('\n', result.Report.Findings.Select(f => $"  {f.Code} {f.Location}: {f.Message}"));
}
