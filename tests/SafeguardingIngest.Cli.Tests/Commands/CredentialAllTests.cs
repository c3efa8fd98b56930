using Azure.Storage.Blobs;

namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class CredentialAllTests(AzuriteFixture azurite) : IDisposable
{
    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    [Fact]
    public async Task CredentialAll_QuarterAhead_WritesEveryOwingAgencysWorkingLinkToACsvAndNoneToTheScreen()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var csv = _sgi.PathOf("links.csv");

        // 2026-27 Q3 is due on 30 January 2027: with a week's grace, further off than a link can live.
        var (exit, output, error) = await SgiRunner.RunAsync(
            ["credential", "--period", "2026-27 Q3", "--all", "--out", csv, .. storage]);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("sig=", output, StringComparison.Ordinal);
        Assert.Contains("issue them again next week", output, StringComparison.Ordinal);
        var rows = (await File.ReadAllLinesAsync(csv)).Skip(1).Select(l => l.Split(',')).ToList();
        // Those owing in 2026-27 Q3: the ICB has taken over from the PCT's community services (CHS) at Q2.
        var owing = Samples.Partnership.AgenciesOwing(SafeguardingIngest.Periods.ReportingPeriod.Parse("2026-27 Q3"));
        Assert.Equal(owing.Select(a => a.Code), rows.Select(r => r[0]));
        Assert.Contains(rows, r => r[0] == "ICB");
        Assert.DoesNotContain(rows, r => r[0] == "CHS");
        Assert.Contains(rows, r => r[0] == "POL" && r[4] == "2027-01-30");
        var police = rows.Single(r => r[0] == "POL");
        Assert.StartsWith("file:///", police[6], StringComparison.Ordinal);
        Assert.Contains("#upload=", police[6], StringComparison.Ordinal);

        // The Police link uploads to the Police folder.
        var upload = await new BlobClient(new Uri(police[7])).UploadAsync(
            BinaryData.FromBytes(TestWorkbook.Good("POL").ToStream().ToArray()));
        Assert.Equal(201, upload.GetRawResponse().Status);
    }

    [Fact]
    public async Task CredentialAll_FileAlreadyThereForEveryone_IsLeftReadableByItsOwnerAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var csv = _sgi.PathOf("links.csv");
        var fresh = _sgi.PathOf("fresh.csv");
        await File.WriteAllTextAsync(csv, "old links");
        File.SetUnixFileMode(csv, (UnixFileMode)0b110_100_100); // 0644: anyone on the machine could read it

        var first = await SgiRunner.RunAsync(
            ["credential", "--period", "2026-27 Q3", "--all", "--out", csv, .. storage]);
        var second = await SgiRunner.RunAsync(
            ["credential", "--period", "2026-27 Q3", "--all", "--out", fresh, .. storage]);

        Assert.True(first.Exit == 0, first.Error);
        Assert.True(second.Exit == 0, second.Error);
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600
        Assert.Equal(ownerOnly, File.GetUnixFileMode(csv));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(fresh));
        Assert.StartsWith("agency,", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialAll_DueDateAndGraceLongPast_IsRefusedWithExitTwo()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var (exit, _, error) = await SgiRunner.RunAsync(
            ["credential", "--period", "2025-26 Q2", "--all", "--out", _sgi.PathOf("old.csv"), .. storage]);

        Assert.Equal(2, exit);
        Assert.Contains(
            "was due on 30 October 2025; with 7 days' grace that has passed",
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_Revoke_SaysHowToWithdrawLinks()
    {
        var (exit, output, _) = await SgiRunner.RunAsync("credential", "--revoke");

        Assert.Equal(0, exit);
        Assert.Contains("az storage account revoke-delegation-keys", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_WithoutAPeriod_AsksForTheQuarterTheLinksAreFor()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("credential", "--agency", "POL");

        Assert.Equal(2, exit);
        Assert.Contains("Give --period P, the quarter the links are for", error, StringComparison.Ordinal);
    }
}
