namespace SafeguardingIngest.Cli.Tests.Commands;

/// <summary>
/// A malformed setting stops every storage command with one line naming it and exit 2, before
/// anything connects: no stack trace, and none of these need storage to be running.
/// </summary>
public sealed class BadSettingsTests
{
    // Ingest looks for its file before it connects; the settings are refused before the file is read.
    private static readonly string s_anyFile = Samples.PartnershipPath;

    /// <summary>Each storage command, with what it needs to get as far as connecting.</summary>
    public static TheoryData<string> Commands() =>
    [
        "ingest",
        "submissions",
        "compile",
        "demo",
        "credential",
        "reprocess",
        "sweep",
        "watch",
    ];

    private static string[] Arguments(string command) => command switch
    {
        "ingest" => ["ingest", s_anyFile, "--agency", "CHS", "--period", "2025-26 Q2"],
        "submissions" => ["submissions", "--period", "2025-26 Q2"],
        "compile" => ["compile", "--period", "2025-26 Q2"],
        "credential" => ["credential", "--agency", "POL", "--period", "2025-26 Q2"],
        "reprocess" => ["reprocess", "--agency", "POL", "--period", "2025-26 Q2"],
        "watch" => ["watch", "--once"],
        _ => [command],
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Run_ConnectionStringWithATypo_OneLineNamingTheSettingAndExit2(string command)
    {
        // "AccountNam" for AccountName: the SDK itself throws FormatException on such a string.
        var (exit, _, error) = await SgiRunner.RunAsync(
            [.. Arguments(command), "--connection", "DefaultEndpointsProtocol=https;AccountNam=board;AccountKey=a2V5"]);

        Assert.Equal(2, exit);
        Assert.Equal(1, Lines(error));
        Assert.StartsWith("sgi: AzureWebJobsStorage (sgi's --connection) is not a storage connection string", error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("a2V5", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Run_AccountNameWithCapitalsAndUnderscore_OneLineNamingTheSettingAndExit2(string command)
    {
        var (exit, _, error) = await SgiRunner.RunAsync([.. Arguments(command), "--account", "Board_Storage"]);

        Assert.Equal(2, exit);
        Assert.Equal(1, Lines(error));
        Assert.Contains("AzureWebJobsStorage:accountName (sgi's --account)", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Run_PrefixWithAHyphen_OneLineNamingTheSettingAndExit2(string command)
    {
        var (exit, _, error) = await SgiRunner.RunAsync([.. Arguments(command), "--storage-prefix", "board-a"]);

        Assert.Equal(2, exit);
        Assert.Equal(1, Lines(error));
        Assert.Contains("Storage:NamePrefix (sgi's --storage-prefix)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=board;AccountKey=not base64!")]
    [InlineData("BlobEndpoint=not a url;TableEndpoint=also not")]
    [InlineData("UseDevelopmentStorage=maybe")]
    [InlineData("   ")]
    public async Task Sweep_OtherMalformedConnectionStrings_OneLineNamingTheSettingAndExit2(string connection)
    {
        var (exit, _, error) = await SgiRunner.RunAsync(["sweep", "--connection", connection]);

        Assert.Equal(2, exit);
        Assert.Equal(1, Lines(error));
        Assert.Contains("AzureWebJobsStorage (sgi's --connection)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://pages.example/upload.html")]
    [InlineData("upload.html")]
    public async Task Credential_PageThatIsNotAnAddress_OneLineNamingTheOptionAndExit2(string page)
    {
        var (exit, _, error) = await SgiRunner.RunAsync(
            ["credential", "--agency", "POL", "--period", "2025-26 Q2", "--page", page]);

        Assert.Equal(2, exit);
        Assert.Equal(1, Lines(error));
        Assert.StartsWith("sgi: --page must be the upload page's full address", error, StringComparison.Ordinal);
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
