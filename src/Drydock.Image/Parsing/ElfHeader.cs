using System.Buffers.Binary;
using System.Text;

namespace Drydock.Image.Parsing;

/// <summary>The parts of an ELF header that decide whether the kernel can run a file: class, byte order, machine, loader.</summary>
public sealed record ElfHeader(int Class, bool LittleEndian, int Machine, string? Interpreter, bool InterpreterBeyondHead)
{
    public static bool IsElf(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 0x7F && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F';

    /// <summary>Parses from the first bytes of a file; null when they are not a valid ELF header.</summary>
    public static ElfHeader? Parse(ReadOnlySpan<byte> head)
    {
        if (!IsElf(head) || head.Length < 20)
        {
            return null;
        }

        int elfClass = head[4] switch { 1 => 32, 2 => 64, _ => 0 };
        bool? little = head[5] switch { 1 => true, 2 => false, _ => null };
        if (elfClass == 0 || little is null)
        {
            return null;
        }

        int machine = U16(head, 18, little.Value);
        string? interpreter = null;
        bool beyond = false;
        int headerSize = elfClass == 64 ? 64 : 52;
        if (head.Length >= headerSize)
        {
            long phoff = elfClass == 64 ? (long)U64(head, 32, little.Value) : U32(head, 28, little.Value);
            int phentsize = U16(head, elfClass == 64 ? 54 : 42, little.Value);
            int phnum = U16(head, elfClass == 64 ? 56 : 44, little.Value);
            for (int i = 0; i < phnum && phentsize > 0; i++)
            {
                long entry = phoff + ((long)i * phentsize);
                if (entry < 0 || entry + phentsize > head.Length)
                {
                    beyond = true;
                    break;
                }

                int at = (int)entry;
                uint type = U32(head, at, little.Value);
                if (type != 3)
                {
                    continue; // PT_INTERP is 3
                }

                long offset = elfClass == 64 ? (long)U64(head, at + 8, little.Value) : U32(head, at + 4, little.Value);
                long size = elfClass == 64 ? (long)U64(head, at + 32, little.Value) : U32(head, at + 16, little.Value);
                if (offset < 0 || size <= 0 || size > 4096 || offset + size > head.Length)
                {
                    beyond = true;
                    break;
                }

                var text = head.Slice((int)offset, (int)size);
                int nul = text.IndexOf((byte)0);
                interpreter = Encoding.UTF8.GetString(nul < 0 ? text : text[..nul]);
                break;
            }
        }
        else
        {
            beyond = true;
        }

        return new ElfHeader(elfClass, little.Value, machine, interpreter, beyond);
    }

    private static ushort U16(ReadOnlySpan<byte> data, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]) : BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static uint U32(ReadOnlySpan<byte> data, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]) : BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    private static ulong U64(ReadOnlySpan<byte> data, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]) : BinaryPrimitives.ReadUInt64BigEndian(data[offset..]);
}

/// <summary>A "#!" line as the kernel reads it: the interpreter path and at most one argument.</summary>
public sealed record Shebang(string Interpreter, string? Argument)
{
    public static Shebang? Parse(ReadOnlySpan<byte> head)
    {
        if (head.Length < 3 || head[0] != (byte)'#' || head[1] != (byte)'!')
        {
            return null;
        }

        var line = head[2..];
        int end = line.IndexOfAny((byte)'\n', (byte)0);
        string text = Encoding.UTF8.GetString(end < 0 ? line : line[..end]).Trim(' ', '\t', '\r');
        if (text.Length == 0)
        {
            return null;
        }

        int space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? new Shebang(text, null) : new Shebang(text[..space], text[(space + 1)..].Trim());
    }
}
