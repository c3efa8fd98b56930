using System.Buffers.Binary;
using System.Text;

namespace SafeguardingIngest.Tests.Support;

/// <summary>
/// Writes a minimal OLE compound file (version 3, 512-byte sectors) holding empty entries with the
/// given names: the container shape of an encrypted xlsx (EncryptionInfo, EncryptedPackage), an
/// xls with a VBA project (_VBA_PROJECT_CUR) or a Word document (WordDocument).
/// </summary>
public static class CompoundFileBuilder
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint Free = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;

    public static byte[] Build(params (string Name, byte Type)[] entries)
    {
        if (entries.Length > 3)
        {
            throw new ArgumentException("One directory sector holds the root and three entries.", nameof(entries));
        }

        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[76..], 0);
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], Free);
        }

        var fat = file.AsSpan(512, 512);
        for (var i = 0; i < 128; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], Free);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], EndOfChain);

        var directory = file.AsSpan(1024, 512);
        WriteEntry(directory[..128], "Root Entry", 5, child: entries.Length > 0 ? 1u : Free, right: Free);
        for (var i = 0; i < entries.Length; i++)
        {
            WriteEntry(
                directory[(128 * (i + 1))..],
                entries[i].Name,
                entries[i].Type,
                child: Free,
                right: i + 1 < entries.Length ? (uint)(i + 2) : Free);
        }

        return file;
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type, uint child, uint right)
    {
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(bytes.Length + 2));
        entry[66] = type;
        entry[67] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], EndOfChain);
    }
}
