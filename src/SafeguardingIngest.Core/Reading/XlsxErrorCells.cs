using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SafeguardingIngest.Reading;

/// <summary>
/// Finds the formula-error cells (#DIV/0!, #REF!, …) of one xlsx sheet. ExcelDataReader 3.6 reads
/// them as empty, which would hide a broken formula behind a "no figure" message; this scan puts
/// the error back. It searches the sheet's XML bytes for t="e" cells rather than parsing it, so it
/// costs a fraction of the read it accompanies.
/// </summary>
internal sealed class XlsxErrorCells : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxElementBytes = 64 * 1024;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, string> _parts;

    /// <summary>Indexes the sheets of the xlsx in <paramref name="stream"/>, which stays open.</summary>
    public XlsxErrorCells(Stream stream)
    {
        stream.Position = 0;
        _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        (_parts, SheetNames) = SheetParts(_zip);
    }

    /// <summary>The workbook's sheet names in its own order, as its workbook part lists them.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>The error cells of the named sheet: (zero-based row, column) → error text.</summary>
    public Dictionary<(int Row, int Column), string> ForSheet(string name)
    {
        var entry = _parts.TryGetValue(name, out var part) ? _zip.GetEntry(part) : null;
        if (entry is null)
        {
            return [];
        }

        using var sheet = entry.Open();
        return Scan(sheet);
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    /// <summary>Scans one sheet's XML.</summary>
    internal static Dictionary<(int Row, int Column), string> Scan(Stream sheetXml)
    {
        var found = new Dictionary<(int, int), string>();
        var window = new byte[ChunkSize * 2];
        var filled = 0;
        int read;
        while ((read = sheetXml.Read(window, filled, Math.Min(ChunkSize, window.Length - filled))) > 0)
        {
            filled += read;
            var consumed = ScanWindow(window.AsSpan(0, filled), found, final: false);
            if (consumed == 0 && filled == window.Length)
            {
                if (window.Length >= MaxElementBytes * 4)
                {
                    // An element this large is no cell we can report; move past it.
                    consumed = filled - 16;
                }
                else
                {
                    Array.Resize(ref window, window.Length * 2);
                }
            }

            window.AsSpan(consumed, filled - consumed).CopyTo(window);
            filled -= consumed;
        }

        ScanWindow(window.AsSpan(0, filled), found, final: true);
        return found;
    }

    private static int ScanWindow(ReadOnlySpan<byte> window, Dictionary<(int, int), string> found, bool final)
    {
        var position = 0;
        while (true)
        {
            var hit = IndexOfErrorType(window[position..]);
            if (hit < 0)
            {
                // Keep a tail in case a marker straddles the boundary.
                return final ? window.Length : Math.Max(position, window.Length - 16);
            }

            hit += position;

            // The attribute sits in the cell's start tag, so the last '<' before it opens the cell,
            // whatever namespace prefix the writer used (<c> or <x:c>).
            var start = window[..hit].LastIndexOf((byte)'<');
            var nameEnd = start < 0 ? -1 : window[start..hit].IndexOfAny(" \t\r\n"u8);
            var tagEnd = window[hit..].IndexOf((byte)'>');
            if (start < 0 || nameEnd <= 1 || tagEnd < 0)
            {
                if (final || start < 0 || nameEnd <= 1)
                {
                    position = hit + 5;
                    continue;
                }

                return start;
            }

            var name = window.Slice(start + 1, nameEnd - 1);
            tagEnd += hit;
            if (name[^1] != (byte)'c' || (name.Length > 1 && name[^2] != (byte)':') || window[tagEnd - 1] == (byte)'/')
            {
                position = tagEnd;
                continue;
            }

            var closeTag = Concat("</"u8, name, ">"u8);
            var close = window[tagEnd..].IndexOf(closeTag);
            if (close < 0)
            {
                return final ? window.Length : start;
            }

            var inner = window.Slice(tagEnd + 1, close - 1);
            if (ReadReference(window[start..tagEnd]) is { } cell && ReadValue(inner, name[..^1]) is { } error)
            {
                found[cell] = error;
            }

            position = tagEnd + close + closeTag.Length;
        }
    }

    private static int IndexOfErrorType(ReadOnlySpan<byte> span)
    {
        var a = span.IndexOf("t=\"e\""u8);
        var b = span.IndexOf("t='e'"u8);
        return a < 0 ? b : b < 0 ? a : Math.Min(a, b);
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c) =>
        [.. a, .. b, .. c];

    private static (int, int)? ReadReference(ReadOnlySpan<byte> element)
    {
        var at = element.IndexOf(" r=\""u8);
        var quote = (byte)'"';
        if (at < 0)
        {
            at = element.IndexOf(" r='"u8);
            quote = (byte)'\'';
        }

        if (at < 0)
        {
            return null;
        }

        var rest = element[(at + 4)..];
        var end = rest.IndexOf(quote);
        if (end <= 0)
        {
            return null;
        }

        var reference = rest[..end];
        var column = 0;
        var i = 0;
        for (; i < reference.Length && reference[i] is >= (byte)'A' and <= (byte)'Z'; i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
        }

        var row = 0;
        for (; i < reference.Length && reference[i] is >= (byte)'0' and <= (byte)'9' && row < 10_000_000; i++)
        {
            row = (row * 10) + (reference[i] - '0');
        }

        return column == 0 || row == 0 || i != reference.Length ? null : (row - 1, column - 1);
    }

    private static string? ReadValue(ReadOnlySpan<byte> inner, ReadOnlySpan<byte> prefix)
    {
        var openTag = Concat("<"u8, prefix, "v>"u8);
        var open = inner.IndexOf(openTag);
        if (open < 0)
        {
            return null;
        }

        var rest = inner[(open + openTag.Length)..];
        var close = rest.IndexOf((byte)'<');
        return close <= 0 || close > 64 ? null : Encoding.UTF8.GetString(rest[..close]);
    }

    private static (Dictionary<string, string> Parts, List<string> Names) SheetParts(ZipArchive zip)
    {
        var relationships = new Dictionary<string, string>(StringComparer.Ordinal);
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (rels is not null)
        {
            using var reader = XmlReader.Create(
                rels.Open(),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" &&
                    reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    relationships[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        var workbook = zip.GetEntry("xl/workbook.xml");
        if (workbook is null)
        {
            return (parts, names);
        }

        using (var reader = XmlReader.Create(
            workbook.Open(),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    var id = reader.GetAttribute(
                        "id",
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    var name = reader.GetAttribute("name");
                    names.Add(name ?? string.Empty);
                    if (name is not null && id is not null && relationships.TryGetValue(id, out var part))
                    {
                        parts.TryAdd(name, part);
                    }
                }
            }
        }

        return (parts, names);
    }
}
