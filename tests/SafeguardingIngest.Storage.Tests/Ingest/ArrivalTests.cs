using Azure;
using Azure.Storage.Blobs.Models;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>The order of uploads: receipt time, then ETag, then name, the same for every run.</summary>
public sealed class ArrivalTests
{
    private static readonly DateTimeOffset s_second = new(2025, 10, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReceivedAt_AccountWithBlobVersions_TakesTheVersionIdToATenthOfAMicrosecond()
    {
        var properties = BlobsModelFactory.BlobProperties(
            lastModified: s_second,
            eTag: new ETag("\"0x1\""),
            versionId: "2025-10-20T09:00:00.4618443Z");

        Assert.Equal(s_second.AddTicks(4_618_443), BlobReturnFiles.ReceivedAt(properties));
    }

    [Fact]
    public void ReceivedAt_NoVersions_TakesTheLastModifiedSecond()
    {
        var properties = BlobsModelFactory.BlobProperties(lastModified: s_second, eTag: new ETag("\"0x1\""));

        Assert.Equal(s_second, BlobReturnFiles.ReceivedAt(properties));
    }

    [Fact]
    public void Compare_SameSecond_OrdersByETagThenName()
    {
        var a = Arrival.Of(s_second, "\"0x8DC1\"", "POL/2025-26-Q2/b.xlsx");
        var b = Arrival.Of(s_second, "\"0x8DC2\"", "POL/2025-26-Q2/a.xlsx");
        var c = Arrival.Of(s_second, "\"0x8DC2\"", "POL/2025-26-Q2/b.xlsx");

        Assert.True(b > a);
        Assert.True(c > b);
        Assert.True(Arrival.Of(s_second.AddTicks(1), "\"0x0\"", "a") > c);
    }

    [Fact]
    public void Parse_KeyWrittenBeforeArrivalsWereKept_FallsBackToTheReceiptTime()
    {
        var old = Arrival.Parse(null, s_second);
        var key = Arrival.Parse(Arrival.Of(s_second, "\"0x1\"", "x").Key, s_second);

        Assert.Equal("20251020T090000.0000000  ", old.Key);
        Assert.True(key > old);
        Assert.Equal(Arrival.Of(s_second, "\"0x1\"", "x"), key);
    }
}
