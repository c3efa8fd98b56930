using System.Buffers.Binary;
using System.Text;

namespace SafeguardingIngest.Reading;

/// <summary>
/// A minimal reader of OLE compound files (the container of .xls, .doc and encrypted .xlsx):
/// entry names, to tell a workbook from an encrypted package, a macro project or another Office
/// document, and the bytes of a named stream. Every sector index is bounds-checked and every chain
/// is bounded, so a damaged or hostile file cannot loop or read out of range.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;
    private readonly Stream _stream;
    private readonly int _sectorSize;
    private readonly long _sectorCount;
    private readonly uint[] _fat;
    private readonly List<Entry> _entries;
    private readonly uint _miniFatStart;
    private readonly uint _miniStreamCutoff;
    private readonly int _miniSectorSize;

    private CompoundFile(
        Stream stream,
        int sectorSize,
        long sectorCount,
        uint[] fat,
        uint miniFatStart,
        uint cutoff,
        int miniSectorSize)
    {
        _stream = stream;
        _sectorSize = sectorSize;
        _sectorCount = sectorCount;
        _fat = fat;
        _miniFatStart = miniFatStart;
        _miniStreamCutoff = cutoff;
        _miniSectorSize = miniSectorSize;
        _entries = [];
    }

    /// <summary>The compound file signature, D0 CF 11 E0 A1 B1 1A E1.</summary>
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Opens the container, or null when its structure is damaged.</summary>
    public static CompoundFile? Open(Stream stream)
    {
        var length = stream.Length;
        if (length < 512)
        {
            return null;
        }

        var header = new byte[512];
        stream.Position = 0;
        stream.ReadExactly(header);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
        var miniShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
        if (sectorShift is not (9 or 12) || miniShift != 6)
        {
            return null;
        }

        var sectorSize = 1 << sectorShift;
        var sectorCount = (length - 512 + sectorSize - 1) / sectorSize;
        var fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(44));
        var firstDirectorySector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(48));
        var cutoff = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(56));
        var miniFatStart = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(60));
        var firstDifatSector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(68));
        if (fatSectorCount > sectorCount)
        {
            return null;
        }

        var fatSectors = new List<uint>();
        for (var i = 0; i < 109 && fatSectors.Count < fatSectorCount; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(76 + (4 * i))));
        }

        var sector = new byte[sectorSize];
        var difat = firstDifatSector;
        var guard = 0L;
        while (fatSectors.Count < fatSectorCount && difat <= MaxRegularSector && guard++ < sectorCount)
        {
            if (!ReadSector(stream, difat, sector, sectorCount))
            {
                return null;
            }

            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < fatSectorCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var fat = new uint[fatSectors.Count * (sectorSize / 4)];
        for (var f = 0; f < fatSectors.Count; f++)
        {
            if (!ReadSector(stream, fatSectors[f], sector, sectorCount))
            {
                return null;
            }

            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i));
            }
        }

        var file = new CompoundFile(stream, sectorSize, sectorCount, fat, miniFatStart, cutoff, 1 << miniShift);
        var directory = file.ReadChain(firstDirectorySector, long.MaxValue);
        if (directory is null)
        {
            return null;
        }

        for (var offset = 0; offset + 128 <= directory.Length; offset += 128)
        {
            var entry = directory.AsSpan(offset, 128);
            var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
            var type = entry[66];
            if (type == 0 || nameBytes < 2 || nameBytes > 64)
            {
                continue;
            }

            file._entries.Add(new Entry(
                Encoding.Unicode.GetString(entry[..(nameBytes - 2)]),
                type,
                BinaryPrimitives.ReadUInt32LittleEndian(entry[116..]),
                BinaryPrimitives.ReadUInt32LittleEndian(entry[120..])));
        }

        return file;
    }

    /// <summary>True when an entry of that name exists, in any case.</summary>
    public bool Has(string name) => _entries.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bytes of the named stream, or null when it is absent or its chain is damaged.</summary>
    public byte[]? ReadStream(string name)
    {
        var entry = _entries.FirstOrDefault(e => e.Type == 2 &&
            string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null || entry.Size > _stream.Length)
        {
            return null;
        }

        if (entry.Size >= _miniStreamCutoff)
        {
            return ReadChain(entry.Start, entry.Size);
        }

        var root = _entries.FirstOrDefault(e => e.Type == 5);
        var miniStream = root is null ? null : ReadChain(root.Start, root.Size);
        var miniFat = ReadChain(_miniFatStart, long.MaxValue);
        if (miniStream is null || miniFat is null)
        {
            return null;
        }

        var result = new byte[entry.Size];
        var current = entry.Start;
        var written = 0;
        var steps = 0;
        while (written < result.Length)
        {
            var offset = (long)current * _miniSectorSize;
            if (current > MaxRegularSector ||
                offset + _miniSectorSize > miniStream.Length ||
                (current * 4L) + 4 > miniFat.Length ||
                steps++ > miniFat.Length)
            {
                return null;
            }

            var take = Math.Min(_miniSectorSize, result.Length - written);
            miniStream.AsSpan((int)offset, take).CopyTo(result.AsSpan(written));
            written += take;
            current = BinaryPrimitives.ReadUInt32LittleEndian(miniFat.AsSpan((int)(current * 4)));
        }

        return result;
    }

    private byte[]? ReadChain(uint start, long size)
    {
        var chunks = new List<byte[]>();
        var current = start;
        while (current != EndOfChain && (size == long.MaxValue || (long)chunks.Count * _sectorSize < size))
        {
            var sector = new byte[_sectorSize];
            if (current > MaxRegularSector ||
                current >= _fat.Length ||
                chunks.Count > _sectorCount ||
                !ReadSector(_stream, current, sector, _sectorCount))
            {
                return null;
            }

            chunks.Add(sector);
            current = _fat[current];
        }

        var total = size == long.MaxValue ? (long)chunks.Count * _sectorSize : size;
        if ((long)chunks.Count * _sectorSize < total)
        {
            return null;
        }

        var result = new byte[total];
        for (var i = 0; i < chunks.Count; i++)
        {
            var take = (int)Math.Min(_sectorSize, total - ((long)i * _sectorSize));
            chunks[i].AsSpan(0, take).CopyTo(result.AsSpan(i * _sectorSize));
        }

        return result;
    }

    private static bool ReadSector(Stream stream, uint index, byte[] buffer, long sectorCount)
    {
        if (index >= sectorCount)
        {
            return false;
        }

        var offset = 512L + ((long)index * buffer.Length);

        // The last sector may be short in files written by some programs; pad it.
        Array.Clear(buffer);
        stream.Position = offset;
        var read = stream.ReadAtLeast(
            buffer,
            (int)Math.Min(buffer.Length, stream.Length - offset),
            throwOnEndOfStream: false);
        return read > 0;
    }

    private sealed record Entry(string Name, byte Type, uint Start, uint Size);
}
