using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace SafeguardingIngest.Storage;

/// <summary>
/// A write-only stream that stages what is written as the blocks of a block blob, 4 MiB at a time, and makes
/// them the blob only at <see cref="CommitAsync"/>: until then the blob is as it was, so a write that fails part
/// way leaves no short file, only uncommitted blocks, which the service discards.
/// </summary>
internal sealed class StagedBlobStream(BlockBlobClient blob, string contentType) : Stream
{
    private const int BlockBytes = 4 * 1024 * 1024;
    private readonly List<string> _blocks = [];
    private readonly byte[] _buffer = new byte[BlockBytes];
    private int _filled;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Stages what is left and commits every block, in order, as the blob.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await StageAsync(cancellationToken);
        await blob.CommitBlockListAsync(
            _blocks,
            new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var taken = Math.Min(buffer.Length, BlockBytes - _filled);
            buffer[..taken].CopyTo(_buffer.AsMemory(_filled));
            _filled += taken;
            buffer = buffer[taken..];
            if (_filled == BlockBytes)
            {
                await StageAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
        // Blocks are staged as they fill and committed only by CommitAsync.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task StageAsync(CancellationToken cancellationToken)
    {
        if (_filled == 0)
        {
            return;
        }

        // Block ids are base64 and all of one length within a blob.
        var id = Convert.ToBase64String(
            Encoding.ASCII.GetBytes(_blocks.Count.ToString("D8", CultureInfo.InvariantCulture)));
        using var block = new MemoryStream(_buffer, 0, _filled, writable: false);
        await blob.StageBlockAsync(id, block, new BlockBlobStageBlockOptions(), cancellationToken);
        _blocks.Add(id);
        _filled = 0;
    }
}
