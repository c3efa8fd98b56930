using System.Text.Json;

namespace SafeguardingIngest.Releases;

/// <summary>
/// A release's decisions, written out one indicator family at a time as the disclosure plan makes them, rather
/// than held: there is one per figure the page and csv show or hide, and at regional scale they outweigh the
/// figures themselves. The file (a temporary one unless given) holds, once <see cref="CopyToAsync"/> finishes it,
/// the bytes of <see cref="ReleaseJson.Write(ReleaseDecisions)"/> of them all.
/// </summary>
public sealed class DecisionSpool : IDisposable
{
    private readonly Stream _file;
    private readonly Utf8JsonWriter _writer;
    private bool _ended;
    private bool _disposed;

    /// <summary>
    /// A spool for release <paramref name="number"/> of <paramref name="period"/>, in a temporary file.
    /// </summary>
    public DecisionSpool(string period, int number)
        : this(period, number, TemporaryFile())
    {
        FileName = ((FileStream)_file).Name;
    }

    /// <summary>
    /// A spool for release <paramref name="number"/> of <paramref name="period"/>, in <paramref name="file"/>.
    /// </summary>
    public DecisionSpool(string period, int number, Stream file)
    {
        _file = file;
        _writer = ReleaseJson.DecisionsWriter(file);
        ReleaseJson.StartDecisions(_writer, period, number);
    }

    /// <summary>How many indicator families the spool holds.</summary>
    public int Families { get; private set; }

    /// <summary>
    /// The temporary file the spool writes to, removed when it is disposed; null where it was given a stream.
    /// </summary>
    public string? FileName { get; }

    /// <summary>Adds one family's decisions, after those added before.</summary>
    /// <exception cref="InvalidOperationException">The spool has been copied out or disposed.</exception>
    public void Add(IndicatorDecisions decisions)
    {
        ObjectDisposedException.ThrowIf(_ended || _disposed, this);
        ReleaseJson.WriteIndicator(_writer, decisions);
        Families++;
    }

    /// <summary>Finishes the document and copies it, whole, to <paramref name="output"/>.</summary>
    public async Task CopyToAsync(Stream output, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_ended)
        {
            ReleaseJson.EndDecisions(_writer);
            _ended = true;
        }

        // Flushed again on a second copy, should the first have failed before the end reached the file.
        await _writer.FlushAsync(cancellationToken);

        _file.Position = 0;
        await _file.CopyToAsync(output, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Flushes what is pending: where that fails (the disk full that stopped the spool), the file still closes.
            _writer.Dispose();
        }
        catch (IOException)
        {
        }
        finally
        {
            _file.Dispose();
        }
    }

    private static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"sgi-decisions-{Guid.NewGuid():N}.json"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        bufferSize: 1 << 16,
        FileOptions.DeleteOnClose);
}
