using SafeguardingIngest.Reading;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Reading;

public class FileSnifferTests
{
    private static SniffResult Sniff(byte[] bytes, ReaderLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        return FileSniffer.Inspect(stream, limits ?? ReaderLimits.Default);
    }

    private static byte[] GoodXlsx() => TestWorkbook.Good("POL").ToStream().ToArray();

    [Fact]
    public void Inspect_Xlsx_IsXlsxWhateverItIsCalled() => Assert.Equal(ReturnFileKind.Xlsx, Sniff(GoodXlsx()).Kind);

    [Fact]
    public void Inspect_LibreOfficeXls_IsXls() =>
        Assert.Equal(ReturnFileKind.Xls, Sniff(File.ReadAllBytes(Samples.TestData("csc-good-libreoffice.xls"))).Kind);

    [Fact]
    public void Inspect_Text_IsCsv() =>
        Assert.Equal(ReturnFileKind.Csv, Sniff("Indicator,Value\nCH01,3\n"u8.ToArray()).Kind);

    [Fact]
    public void Inspect_Empty_IsRefused() => Assert.Equal(Rules.FileEmpty, Sniff([]).Problem?.Rule);

    [Fact]
    public void Inspect_OverSizeLimit_IsRefusedWithSizes()
    {
        var result = Sniff(new byte[2048], ReaderLimits.Default with { MaxFileBytes = 1024 });

        Assert.Equal(Rules.FileTooLarge, result.Problem?.Rule);
        Assert.Contains("over the 0.0 MB limit", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\n...", "a PDF document")]
    [InlineData("<html><body><table><tr><td>CH01</td></tr></table></body></html>", "a web page")]
    [InlineData(
        "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>",
        "an XML file")]
    [InlineData("{\\rtf1\\ansi hello}", "a Rich Text document")]
    public void Inspect_OtherDocumentRenamed_SaysWhatItIs(string content, string what)
    {
        var result = Sniff(ZipParts.Text(content));

        Assert.Equal(Rules.FileUnrecognised, result.Problem?.Rule);
        Assert.Contains(what, result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PngRenamedXlsx_IsAnImage()
    {
        var result = Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        Assert.Contains("an image", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_BinaryWithNulBytes_IsNotTakenForCsv()
    {
        var result = Sniff([0x01, 0x00, 0x02, 0x00, 0x41, 0x42]);

        Assert.Equal(Rules.FileUnrecognised, result.Problem?.Rule);
    }

    [Fact]
    public void Inspect_WordDocx_IsAWordDocument()
    {
        var result = Sniff(
            ZipParts.Zip(
                ("[Content_Types].xml", ZipParts.Text("<Types/>")),
                ("word/document.xml", ZipParts.Text("<w:document/>"))));

        Assert.Contains("a Word document", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_OpenDocumentSpreadsheet_AsksForXlsx()
    {
        var result = Sniff(
            ZipParts.Zip(
                ("mimetype", ZipParts.Text("application/vnd.oasis.opendocument.spreadsheet")),
                ("content.xml", ZipParts.Text("<office:document-content/>"))));

        Assert.Contains("OpenDocument", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Xlsm_IsRefusedAsMacroEnabled()
    {
        var xlsm = ZipParts.WithEntry(GoodXlsx(), "xl/vbaProject.bin", [0xCC, 0x61, 0x00, 0x00]);

        Assert.Equal(Rules.FileMacroEnabled, Sniff(xlsm).Problem?.Rule);
    }

    [Fact]
    public void Inspect_ZipBomb_IsRefusedBeforeDecompressing()
    {
        // 4 MiB of zeros compresses to a few KiB; the limit is set below it so the test stays small.
        var bomb = ZipParts.WithEntry(GoodXlsx(), "xl/media/padding.bin", new byte[4 * 1024 * 1024]);
        Assert.True(bomb.Length < 64 * 1024);

        var result = Sniff(bomb, ReaderLimits.Default with { MaxDecompressedBytes = 1024 * 1024 });

        Assert.Equal(Rules.FileDecompressedTooLarge, result.Problem?.Rule);
    }

    [Fact]
    public void Inspect_TruncatedXlsx_IsCorrupt()
    {
        var xlsx = GoodXlsx();

        var result = Sniff(xlsx[..(xlsx.Length / 2)]);

        Assert.Equal(Rules.FileCorrupt, result.Problem?.Rule);
    }

    [Fact]
    public void Inspect_EncryptedOfficePackage_IsPasswordProtected()
    {
        var encrypted = CompoundFileBuilder.Build(("EncryptionInfo", 2), ("EncryptedPackage", 2));

        Assert.Equal(Rules.FilePasswordProtected, Sniff(encrypted).Problem?.Rule);
    }

    [Fact]
    public void Inspect_XlsWithVbaProject_IsMacroEnabled()
    {
        var xls = CompoundFileBuilder.Build(("Workbook", 2), ("_VBA_PROJECT_CUR", 1));

        Assert.Equal(Rules.FileMacroEnabled, Sniff(xls).Problem?.Rule);
    }

    [Fact]
    public void Inspect_LegacyWordDocument_IsNotASpreadsheet()
    {
        var doc = CompoundFileBuilder.Build(("WordDocument", 2), ("1Table", 2));

        Assert.Contains("a Word document", Sniff(doc).Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_CompoundHeaderWithGarbage_IsCorruptNotAnException()
    {
        var bytes = new byte[2048];
        CompoundFileBuilder.Build().AsSpan(0, 8).CopyTo(bytes);
        Random.Shared.NextBytes(bytes.AsSpan(8));

        Assert.NotNull(Sniff(bytes).Problem);
    }
}
