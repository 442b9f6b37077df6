using System.Formats.Tar;
using TarEntryType = System.Formats.Tar.TarEntryType;
using System.Text;
using Drydock.Image.Parsing;
using TarEntryFormat = System.Formats.Tar.TarEntryFormat;

namespace Drydock.Image.Tests;

public sealed class TarStreamReaderTests
{
    private static byte[] Archive(TarEntryFormat format, params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, format, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                System.Formats.Tar.TarEntry entry = format switch
                {
                    TarEntryFormat.Gnu => new GnuTarEntry(TarEntryType.RegularFile, name),
                    TarEntryFormat.Ustar => new UstarTarEntry(TarEntryType.RegularFile, name),
                    _ => new PaxTarEntry(TarEntryType.RegularFile, name),
                };
                entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private static List<(Parsing.TarEntry? Entry, string Data)> ReadAll(byte[] archive, out TarProblem? problem)
    {
        var result = new List<(Parsing.TarEntry?, string)>();
        var reader = new TarStreamReader(new MemoryStream(archive));
        while (reader.Next() is { } entry)
        {
            byte[] data = new byte[entry.Size];
            int total = 0;
            while (total < data.Length && reader.ReadData(data.AsSpan(total)) is var read and > 0)
            {
                total += read;
            }

            result.Add((null, entry.Name + "=" + Encoding.UTF8.GetString(data, 0, total)));
        }

        problem = reader.Problem;
        return result;
    }

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void LongNamesComeThroughPaxAndGnuRecords(TarEntryFormat format)
    {
        string longName = string.Join('/', Enumerable.Repeat("directory-with-a-long-name", 12)) + "/file.txt";
        var entries = ReadAll(Archive(format, (longName, "hello"), ("short", "x")), out var problem);
        Assert.Null(problem);
        Assert.Equal([longName + "=hello", "short=x"], entries.Select(e => e.Data).ToArray());
    }

    [Fact]
    public void UstarPrefixIsJoined()
    {
        string name = new string('p', 90) + "/" + new string('n', 90);
        var entries = ReadAll(Archive(TarEntryFormat.Ustar, (name, "y")), out var problem);
        Assert.Null(problem);
        Assert.Equal(name + "=y", Assert.Single(entries).Data);
    }

    [Fact]
    public void TruncatedArchiveIsAProblemNotAnException()
    {
        byte[] archive = Archive(TarEntryFormat.Pax, ("a", new string('a', 5000)));
        var entries = ReadAll(archive[..2000], out var problem);
        Assert.NotNull(problem);
        Assert.Contains("truncated", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptHeaderChecksumIsAProblem()
    {
        byte[] archive = Archive(TarEntryFormat.Ustar, ("a", "content"));
        archive[10] ^= 0x55;
        ReadAll(archive, out var problem);
        Assert.Contains("checksum", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeExtendedHeaderIsRefusedWithoutAllocatingIt()
    {
        byte[] header = new byte[512];
        Encoding.ASCII.GetBytes("PaxHeaders/a").CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("77777777777\0").CopyTo(header, 124); // 8 GiB of pax records
        header[156] = (byte)'x';
        Encoding.ASCII.GetBytes("ustar\u000000").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("        ").CopyTo(header, 148);
        int sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        ReadAll(header, out var problem);
        Assert.Contains("exceeds", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a tar archive at all, just text")]
    public void EmptyOrGarbageInputEndsCleanly(string text)
    {
        var entries = ReadAll(Encoding.UTF8.GetBytes(text.PadRight(text.Length == 0 ? 0 : 512, ' ')), out var problem);
        Assert.Empty(entries);
        if (text.Length > 0)
        {
            Assert.NotNull(problem);
        }
    }

    [Fact]
    public void Base256SizesParse()
    {
        byte[] field = new byte[12];
        field[0] = 0x80;
        field[11] = 0x10;
        field[10] = 0x01;
        Assert.True(TarStreamReader.TryParseNumber(field, out long value));
        Assert.Equal(0x110, value);
    }
}
