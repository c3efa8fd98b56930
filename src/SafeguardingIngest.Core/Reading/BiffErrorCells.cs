using System.Buffers.Binary;
using System.Text;

namespace SafeguardingIngest.Reading;

/// <summary>
/// Finds the formula-error cells of a legacy .xls workbook, which ExcelDataReader 3.6 reads as
/// empty: FORMULA records whose cached result is an error, and BOOLERR records holding an error.
/// Walks the BIFF8 record stream of each sheet from the offsets its BOUNDSHEET records give.
/// </summary>
internal static class BiffErrorCells
{
    private const ushort Bof = 0x0809;
    private const ushort Eof = 0x000A;
    private const ushort BoundSheet = 0x0085;
    private const ushort Formula = 0x0006;
    private const ushort BoolErr = 0x0205;

    /// <summary>Sheet name → (zero-based row, column) → error text; empty when the stream cannot be walked.</summary>
    public static Dictionary<string, Dictionary<(int Row, int Column), string>> Scan(byte[] workbook)
    {
        var sheets = new Dictionary<string, Dictionary<(int, int), string>>(StringComparer.Ordinal);
        foreach (var (name, offset) in BoundSheets(workbook))
        {
            sheets[name] = ScanSheet(workbook, offset);
        }

        return sheets;
    }

    private static List<(string Name, int Offset)> BoundSheets(byte[] data)
    {
        var result = new List<(string, int)>();
        var position = 0;
        while (position + 4 <= data.Length)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position + 2));
            var body = position + 4;
            if (body + length > data.Length)
            {
                break;
            }

            if (id == BoundSheet && length >= 8)
            {
                var offset = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(body));
                var characters = data[body + 6];
                var wide = (data[body + 7] & 1) == 1;
                var bytes = wide ? characters * 2 : characters;
                if (body + 8 + bytes <= data.Length && offset > 0 && offset < data.Length)
                {
                    var name = wide
                        ? Encoding.Unicode.GetString(data, body + 8, bytes)
                        : Encoding.Latin1.GetString(data, body + 8, bytes);
                    result.Add((name, offset));
                }
            }
            else if (id == Eof)
            {
                break;
            }

            position = body + length;
        }

        return result;
    }

    private static Dictionary<(int, int), string> ScanSheet(byte[] data, int offset)
    {
        var errors = new Dictionary<(int, int), string>();
        var position = offset;
        var first = true;
        while (position + 4 <= data.Length)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position + 2));
            var body = position + 4;
            if (body + length > data.Length || (first && id != Bof))
            {
                break;
            }

            first = false;
            if (id == Eof)
            {
                break;
            }

            if (id == Formula && length >= 14 &&
                data[body + 6] == 0x02 && data[body + 12] == 0xFF && data[body + 13] == 0xFF)
            {
                Add(errors, data, body, data[body + 8]);
            }
            else if (id == BoolErr && length >= 8 && data[body + 7] == 1)
            {
                Add(errors, data, body, data[body + 6]);
            }

            position = body + length;
        }

        return errors;
    }

    private static void Add(Dictionary<(int, int), string> errors, byte[] data, int body, byte code)
    {
        var row = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body));
        var column = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(body + 2));
        errors[(row, column)] = code switch
        {
            0x00 => "#NULL!",
            0x07 => "#DIV/0!",
            0x0F => "#VALUE!",
            0x17 => "#REF!",
            0x1D => "#NAME?",
            0x24 => "#NUM!",
            0x2A => "#N/A",
            _ => "#ERROR",
        };
    }
}
