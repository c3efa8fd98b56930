using System.Globalization;
using System.IO.Compression;
using System.Text;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Reading;

/// <summary>What the content of an upload is, whatever its name says.</summary>
public sealed record SniffResult(ReturnFileKind? Kind, FileProblem? Problem)
{
    /// <summary>A readable kind.</summary>
    public static SniffResult Of(ReturnFileKind kind) => new(kind, null);

    /// <summary>A file that cannot be read as a return.</summary>
    public static SniffResult Refused(Rule rule, string message) => new(null, new FileProblem(rule, message));
}

/// <summary>
/// Tells xlsx, xls and csv apart by their bytes, and refuses before any parsing what must not be
/// parsed: empty and oversized files, zip bombs, encrypted and macro-enabled workbooks, and other
/// documents renamed to look like spreadsheets.
/// </summary>
public static class FileSniffer
{
    private static ReadOnlySpan<byte> ZipSignature => "PK\u0003\u0004"u8;

    /// <summary>Inspects a seekable stream from its start; leaves the position at 0.</summary>
    public static SniffResult Inspect(Stream stream, ReaderLimits limits)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException(
                "The stream must be seekable; copy the upload into a buffer first.",
                nameof(stream));
        }

        var length = stream.Length;
        if (length == 0)
        {
            return SniffResult.Refused(
                Rules.FileEmpty,
                "The file is empty (0 bytes); save the return again and upload the saved file.");
        }

        if (length > limits.MaxFileBytes)
        {
            return SniffResult.Refused(Rules.FileTooLarge,
                $"The file is {Megabytes(length)}, over the {Megabytes(limits.MaxFileBytes)} limit; remove extra " +
                "sheets or images and resend it.");
        }

        Span<byte> head = stackalloc byte[512];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        stream.Position = 0;
        try
        {
            if (head.StartsWith(ZipSignature))
            {
                return InspectZip(stream, limits);
            }

            if (head.StartsWith(CompoundFile.Signature))
            {
                return InspectCompound(stream);
            }

            return InspectOther(head);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static SniffResult InspectZip(Stream stream, ReaderLimits limits)
    {
        List<(string Name, long Length)> entries;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            entries = zip.Entries.Select(e => (e.FullName, e.Length)).ToList();
        }
        catch (InvalidDataException e)
        {
            return SniffResult.Refused(Rules.FileCorrupt,
                $"The workbook is damaged and cannot be read ({Reason(e)}); open it in Excel, save it again and " +
                "resend it.");
        }

        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("xl/workbook.xml") &&
            names.FirstOrDefault(n => n.StartsWith("xl/workbook", StringComparison.OrdinalIgnoreCase)) is null)
        {
            var what = names.Contains("word/document.xml") ? "a Word document"
                : names.Contains("ppt/presentation.xml") ? "a PowerPoint presentation"
                : names.Contains("content.xml") && names.Contains("mimetype")
                    ? "an OpenDocument file (save it as .xlsx from LibreOffice)"
                : "a zip archive";
            return SniffResult.Refused(
                Rules.FileUnrecognised,
                $"This is {what}, not a spreadsheet; send the return as .xlsx, .xls or .csv.");
        }

        if (names.Contains("xl/vbaProject.bin"))
        {
            return SniffResult.Refused(Rules.FileMacroEnabled,
                "The workbook contains macros (VBA), which are not accepted; save it as an Excel Workbook (.xlsx) " +
                "and resend it.");
        }

        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
        }

        if (total > limits.MaxDecompressedBytes)
        {
            return SniffResult.Refused(Rules.FileDecompressedTooLarge,
                $"The workbook expands to {Megabytes(total)} when opened, over the " +
                $"{Megabytes(limits.MaxDecompressedBytes)} limit; it cannot be a quarterly return.");
        }

        return SniffResult.Of(ReturnFileKind.Xlsx);
    }

    private static SniffResult InspectCompound(Stream stream)
    {
        var file = CompoundFile.Open(stream);
        if (file is null)
        {
            return SniffResult.Refused(Rules.FileCorrupt,
                "The workbook is damaged and cannot be read (its Office container is broken); open it in Excel, save " +
                "it again and resend it.");
        }

        bool Has(string name) => file.Has(name);
        if (Has("EncryptedPackage") || Has("EncryptionInfo"))
        {
            return SniffResult.Refused(Rules.FilePasswordProtected,
                "The workbook is protected with a password; remove the password (File > Info > Protect Workbook) and " +
                "resend it.");
        }

        if (Has("_VBA_PROJECT_CUR") || Has("_VBA_PROJECT"))
        {
            return SniffResult.Refused(Rules.FileMacroEnabled,
                "The workbook contains macros (VBA), which are not accepted; save it as an Excel Workbook (.xlsx) " +
                "and resend it.");
        }

        if (Has("Workbook") || Has("Book"))
        {
            return SniffResult.Of(ReturnFileKind.Xls);
        }

        var what = Has(
            "WordDocument") ? "a Word document" : Has(
                "PowerPoint Document") ? "a PowerPoint presentation" : "an Office file";
        return SniffResult.Refused(
            Rules.FileUnrecognised,
            $"This is {what}, not a spreadsheet; send the return as .xlsx, .xls or .csv.");
    }

    private static SniffResult InspectOther(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8))
        {
            return NotSpreadsheet("a PDF document");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ||
            head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ||
            head.StartsWith("GIF8"u8))
        {
            return NotSpreadsheet("an image");
        }

        if (head.StartsWith("{\\rtf"u8))
        {
            return NotSpreadsheet("a Rich Text document");
        }

        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ||
            head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16 && (head.Contains((byte)0) || ControlShare(head) > 0.05))
        {
            return NotSpreadsheet("a binary file");
        }

        // Web pages and XML saved with an .xls name are common exports from case systems.
        var start = Encoding.Latin1
            .GetString(head)
            .TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<table", StringComparison.OrdinalIgnoreCase))
        {
            return NotSpreadsheet(
                "a web page (HTML) saved with a spreadsheet name; open it in Excel and save it as .xlsx");
        }

        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return NotSpreadsheet(
                "an XML file (perhaps an 'XML Spreadsheet 2003'); open it in Excel and save it as .xlsx");
        }

        return SniffResult.Of(ReturnFileKind.Csv);
    }

    // Text has tabs and line ends but hardly any other control characters; binary data has plenty.
    private static double ControlShare(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C) || b == 0x7F)
            {
                count++;
            }
        }

        return (double)count / head.Length;
    }

    private static SniffResult NotSpreadsheet(string what) =>
        SniffResult.Refused(
            Rules.FileUnrecognised,
            $"This is {what}, not a spreadsheet; send the return as .xlsx, .xls or .csv.");

    private static string Reason(Exception e) => e.Message.TrimEnd('.').ToLowerInvariant() switch
    {
        var m when m.Contains("end of central directory", StringComparison.Ordinal) => "the file is cut short",
        var m => m,
    };

    internal static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString(
            bytes >= 10 * 1024 * 1024 ? "#,0" : "0.0",
            CultureInfo.InvariantCulture) + " MB";
}
