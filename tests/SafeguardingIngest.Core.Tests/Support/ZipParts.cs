using System.IO.Compression;
using System.Text;

namespace SafeguardingIngest.Tests.Support;

/// <summary>Builds and alters zip containers: other Office documents, macro-enabled and damaged workbooks.</summary>
public static class ZipParts
{
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A copy of the xlsx with an entry added or replaced.</summary>
    public static byte[] WithEntry(byte[] xlsx, string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }

        return buffer.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
