using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>Uploads the trigger never ran (an event lost) or gave up on (the poison queue) are found and run.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconcileUploadsTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task RunAsync_PoisonedUploadNowAndLostUploadsOnceStale_AreRunAndTheTeamIsTold()
    {
        await using var hook = new WebhookListener();
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string,
            string?> { ["Notify:WebhookUrl"] = hook.Url });
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(pipeline.Names.PoisonQueue);
        await queue.CreateIfNotExistsAsync();
        try
        {
            // Three uploads whose events never ran: one in place, one a folder too shallow, and one whose
            // runs kept failing until the host put it on the poison queue (the host's message, base64 JSON).
            var lost = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2, "lost.xlsx");
            var shallow = await pipeline.UploadAsync(TestWorkbook.Good("CSC").ToStream(), "CSC/return.xlsx");
            var poisoned = await pipeline.UploadAsync(TestWorkbook.Good("EDU"), "EDU", Samples.Q2);
            var message = JsonSerializer.Serialize(new
            {
                Type = "BlobTrigger",
                FunctionId = "Host.Functions.IngestReturn",
                BlobType = "BlockBlob",
                ContainerName = pipeline.Names.Returns,
                BlobName = poisoned,
                ETag = "\"0x1\"",
            });
            await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)));
            var reconcile = pipeline.Get<ReconcileUploads>();

            // Now: only the poisoned upload is due; the others were written a moment ago.
            pipeline.Clock.SetUtcNow(DateTimeOffset.UtcNow);
            var first = await reconcile.RunAsync(s_none);

            // Eleven minutes on, past Ingest:StaleUploadMinutes (10), the two others are run too.
            pipeline.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(11));
            var second = await reconcile.RunAsync(s_none);

            Assert.Equal(
                [(poisoned, IngestResult.Accepted)],
                first.Rescued.Select(o => (o.Submission!.BlobName, o.Result)));
            Assert.Equal(
                [(shallow, IngestResult.Rejected), (lost, IngestResult.Accepted)],
                second.Rescued.Select(o => (o.Submission!.BlobName, o.Result)));
            Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
            Assert.Null((await queue.PeekMessageAsync()).Value);
            var told = new List<JsonElement>();
            while (told.Count < 2)
            {
                var next = await hook.NextAsync();
                if (next.GetProperty("kind").GetString() == "rescued")
                {
                    told.Add(next);
                }
            }

            Assert.Equal(
                "1 uploads missed by the trigger were run by the reconciler",
                told[0].GetProperty("title").GetString());
            Assert.Equal(
                "2 uploads missed by the trigger were run by the reconciler",
                told[1].GetProperty("title").GetString());
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
    }
}
