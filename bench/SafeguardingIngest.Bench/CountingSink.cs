namespace SafeguardingIngest.Bench;

/// <summary>Where a streamed output goes when only its length is wanted.</summary>
internal sealed class CountingSink : MemoryStream
{
    private long _length;

    public override long Length => _length;

    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

    public override void Write(byte[] buffer, int offset, int count) => _length += count;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _length += count;
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
